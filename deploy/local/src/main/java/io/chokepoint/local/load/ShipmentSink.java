package io.chokepoint.local.load;

import io.chokepoint.local.eval.EvaluationCase;

import java.util.List;

/** Where the run's events go: the inbound topic or the batch endpoint. */
interface ShipmentSink extends AutoCloseable {

    /** Hands the events over, entering them in the run's record first; may return before they are taken. */
    void send(List<EvaluationCase> events) throws Exception;

    /** Waits until every event handed over has been taken or has failed. */
    void flush() throws Exception;

    /** Why the last send that failed failed, or null when none has. */
    Exception lastFailure();

    @Override
    void close() throws Exception;
}
