package io.chokepoint.registry.audit;

/**
 * A file as an import request sent it, recorded whether or not it was read.
 *
 * @param part     the multipart part it came in
 * @param fileName the client's file name, if it gave one
 * @param size     its size in bytes
 */
public record ReceivedFile(String part, String fileName, long size) {
}
