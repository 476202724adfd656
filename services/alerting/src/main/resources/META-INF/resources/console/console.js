/*
 * Enforcement console: the alert list (kept current by the alerts stream), filters, an alert's evidence and its
 * review. Every value from the service is put into the page as text (textContent or text nodes), never as markup.
 * Every call carries the officer's bearer token; until the service accepts one, nothing from it is shown.
 */
'use strict';

(function () {
    const API = '/api/v1/alerts';
    const PAGE_SIZE = 50;
    const TOKEN_KEY = 'chokepoint.console.token';
    /** Wait before connecting again after the service refused the stream or could not be reached. */
    const RECONNECT_MS = 5000;
    /** Wait after a dropped stream until the service suggests its own (a retry: line), as EventSource does. */
    const DEFAULT_RETRY_MS = 3000;
    const RELOAD_DEBOUNCE_MS = 300;
    const FILTER_NAMES = ['type', 'status', 'severity', 'declarationId', 'reportingAgency', 'since'];

    const TYPE_LABELS = {
        PRECURSOR_TO_SANCTIONED_PARTY: 'Precursor → sanctioned party',
        EQUIPMENT_TO_SANCTIONED_PARTY: 'Equipment → sanctioned party'
    };
    const TYPE_SHORT = {PRECURSOR_TO_SANCTIONED_PARTY: 'Precursor', EQUIPMENT_TO_SANCTIONED_PARTY: 'Equipment'};
    const MOVE_LABELS = {
        ACKNOWLEDGED: 'Acknowledge', ESCALATED: 'Escalate', CONFIRMED: 'Confirm', DISMISSED: 'Dismiss'
    };
    const DONE_LABELS = {
        ACKNOWLEDGED: 'Acknowledged', ESCALATED: 'Escalated', CONFIRMED: 'Confirmed', DISMISSED: 'Dismissed'
    };
    const DISMISSAL_REASONS = [
        ['FALSE_POSITIVE', 'False positive: the party is not the listed entity'],
        ['LICENSED_TRADE', 'Licensed trade'],
        ['DUPLICATE', 'Duplicate of another alert'],
        ['INSUFFICIENT_EVIDENCE', 'Insufficient evidence'],
        ['OTHER', 'Other (say why in the reason)']
    ];
    const AUTH_MESSAGES = {
        none: 'Enter a valid officer token in the Officer token field above to see alerts.',
        401: 'The service did not accept this token (401): it is missing, expired, or not one the service trusts. '
            + 'Enter a valid officer token.',
        403: 'This token does not grant the officer role (403). Enter a valid officer token.'
    };
    const CATEGORY_LABELS = {
        PRECURSOR: 'Fentanyl precursor',
        TABLETING_EQUIPMENT: 'Tableting equipment',
        SURVEILLANCE: 'Under surveillance',
        NONE: 'Not controlled'
    };

    const state = {
        /** the token every call carries, as the officer last gave it */
        token: '',
        /** false once the service refused the token (401, 403), until another is given */
        authorized: false,
        filters: {},
        page: 0,
        total: 0,
        /** alertId -> table row, for the alerts on screen */
        rows: new Map(),
        /** alertId -> the newest summary heard of it (list or stream), by version */
        heard: new Map(),
        listLoaded: false,
        /** increases with every read of the list; an answer to an older read is dropped */
        loadToken: 0,
        /** while the list is being read: alertId -> raised, for what the stream brings meanwhile */
        pending: null,
        reloadTimer: null,
        selectedId: null,
        detail: null,
        etag: null,
        busy: false,
        /** highest version of the open alert heard on the stream while one of our changes was on its way */
        heardDuringChange: 0
    };

    const byId = (id) => document.getElementById(id);
    const PLACEHOLDER = byId('detail-placeholder').textContent;

    /* ---------- building the page without markup ---------- */

    function el(tag, props, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(props || {})) {
            if (value === null || value === undefined || value === false) {
                continue;
            }
            if (key === 'class') {
                node.className = value;
            } else if (key === 'text') {
                node.textContent = String(value);
            } else if (key === 'dataset') {
                for (const [name, data] of Object.entries(value)) {
                    node.dataset[name] = String(data);
                }
            } else if (key.startsWith('on')) {
                node.addEventListener(key.slice(2), value);
            } else {
                node.setAttribute(key, value === true ? '' : String(value));
            }
        }
        appendAll(node, children);
        return node;
    }

    function appendAll(node, children) {
        for (const child of children.flat(Infinity)) {
            if (child === null || child === undefined || child === false) {
                continue;
            }
            node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    }

    function when(iso) {
        if (!iso) {
            return '';
        }
        const date = new Date(iso);
        return isNaN(date.getTime()) ? String(iso) : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    }

    /** Date over time, for a narrow column. */
    function raisedCell(iso) {
        const text = when(iso);
        const space = text.indexOf(' ');
        return space < 0 ? [text] : [text.slice(0, space), el('span', {class: 'sub', text: text.slice(space + 1)})];
    }

    function scoreText(score) {
        return typeof score === 'number' ? score.toFixed(2) : '';
    }

    function labelOf(labels, code) {
        return labels[code] || code || '';
    }

    function badge(kind, code, text) {
        return el('span', {class: 'badge ' + kind + '-' + code, text: text || code});
    }

    /* ---------- the officer's token ---------- */

    const tokenInput = byId('token');

    /** For this tab only (sessionStorage, gone with the tab), and never in a URL: only in Authorization headers. */
    function rememberToken() {
        try {
            if (state.token) {
                sessionStorage.setItem(TOKEN_KEY, state.token);
            } else {
                sessionStorage.removeItem(TOKEN_KEY);
            }
        } catch (e) {
            // storage may be off; the token still serves this page
        }
    }

    function storedToken() {
        try {
            return sessionStorage.getItem(TOKEN_KEY) || '';
        } catch (e) {
            return '';
        }
    }

    function useToken() {
        const given = tokenInput.value.trim();
        if (given && given === state.token && state.authorized) {
            return;
        }
        state.token = given;
        rememberToken();
        if (!given) {
            signedOut('none');
            return;
        }
        state.authorized = true;
        byId('auth-message').hidden = true;
        // Another officer may see other things: start again from the list.
        stream.lastEventId = null;
        state.listLoaded = false;
        setStreamState('connecting', 'Connecting to live alerts…');
        connectStream();
    }

    /**
     * No token, or the service refused it: the stream is closed and nothing the service said stays on screen,
     * only the message asking for a valid officer token.
     */
    function signedOut(reason) {
        state.authorized = false;
        stopStream();
        state.loadToken += 1;
        state.pending = null;
        state.listLoaded = false;
        clearTimeout(state.reloadTimer);
        state.total = 0;
        state.rows.clear();
        state.heard.clear();
        byId('alerts-body').replaceChildren();
        byId('list-summary').textContent = '';
        byId('list-error').hidden = true;
        byId('page-label').textContent = '';
        byId('page-prev').disabled = true;
        byId('page-next').disabled = true;
        delete document.body.dataset.listLoaded;
        closeDetail();
        setStreamState('signed-out', 'Not connected');
        const message = byId('auth-message');
        message.textContent = AUTH_MESSAGES[reason] || AUTH_MESSAGES.none;
        message.hidden = false;
        tokenInput.focus();
    }

    /* ---------- talking to the service ---------- */

    class Refusal extends Error {
        /** @param auth the token was missing or refused: the console has signed out and says so */
        constructor(status, body, message, auth) {
            super(message);
            this.status = status;
            this.body = body;
            this.auth = Boolean(auth);
        }
    }

    async function call(method, path, options) {
        const {body, ifMatch} = options || {};
        if (!state.token) {
            signedOut('none');
            throw new Refusal(401, null, AUTH_MESSAGES.none, true);
        }
        const headers = {Accept: 'application/json', Authorization: 'Bearer ' + state.token};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (ifMatch) {
            headers['If-Match'] = ifMatch;
        }
        let response;
        try {
            response = await fetch(path, {
                method, headers, body: body === undefined ? undefined : JSON.stringify(body)
            });
        } catch (e) {
            throw new Refusal(0, null, 'The service could not be reached (' + e.message + '). Try again.');
        }
        const text = await response.text();
        let json = null;
        if (text) {
            try {
                json = JSON.parse(text);
            } catch (e) {
                json = null;
            }
        }
        if (response.status === 401 || response.status === 403) {
            signedOut(response.status);
            throw new Refusal(response.status, json, AUTH_MESSAGES[response.status], true);
        }
        if (!response.ok) {
            throw new Refusal(response.status, json, describeRefusal(response.status, json));
        }
        return {json, etag: response.headers.get('ETag')};
    }

    function describeRefusal(status, body) {
        const message = body && body.message ? body.message : '';
        if (body && Array.isArray(body.errors)) {
            return 'Refused (' + status + '): ' + body.errors
                .map((error) => (error.field ? error.field + ' ' : '') + error.message).join('; ') + '.';
        }
        if (status === 412) {
            return 'Refused (412): someone changed this alert since you opened it. ' + message + '.';
        }
        if (status === 409) {
            return 'Refused (409): not allowed from where the alert stands. ' + message + '.';
        }
        if (status === 404) {
            return 'Not found (404): ' + (message || 'the alert no longer exists') + '.';
        }
        return 'The service answered HTTP ' + status + (message ? ': ' + message : '') + '.';
    }

    /* ---------- the list ---------- */

    function readFilters() {
        const form = byId('filters');
        const filters = {};
        for (const name of FILTER_NAMES) {
            const value = form.elements[name].value.trim();
            if (value) {
                filters[name] = value;
            }
        }
        return filters;
    }

    function matchesFilters(alert) {
        const f = state.filters;
        return (!f.type || alert.type === f.type)
            && (!f.status || alert.status === f.status)
            && (!f.severity || alert.severity === f.severity)
            && (!f.declarationId || alert.declarationId === f.declarationId)
            && (!f.reportingAgency
                || String(alert.reportingAgency || '').toUpperCase() === f.reportingAgency.toUpperCase())
            && (!f.since || new Date(alert.raisedAt) >= new Date(f.since + 'T00:00:00Z'));
    }

    async function loadList() {
        const token = ++state.loadToken;
        state.pending = new Map();
        const listError = byId('list-error');
        const params = new URLSearchParams(Object.assign({}, state.filters, {page: state.page, size: PAGE_SIZE}));
        let page;
        try {
            page = (await call('GET', API + '?' + params.toString())).json;
        } catch (e) {
            if (token === state.loadToken && !e.auth) {
                state.pending = null;
                listError.textContent = e.message;
                listError.hidden = false;
            }
            return;
        }
        if (token !== state.loadToken) {
            return;
        }
        listError.hidden = true;
        state.total = page.total;
        state.rows.clear();
        byId('alerts-body').replaceChildren();
        for (const item of page.items) {
            const newest = newer(state.heard.get(item.alertId), item);
            state.heard.set(item.alertId, newest);
            if (matchesFilters(newest)) {
                insertRow(newest, false);
            }
        }
        // What the stream brought while the page was on its way: raised later than the page was read, or changed.
        const pending = state.pending;
        state.pending = null;
        for (const [alertId, raised] of pending) {
            placeRow(state.heard.get(alertId), raised);
        }
        forgetOffScreen();
        renderSummary();
        document.body.dataset.listLoaded = String(token);
    }

    function newer(known, candidate) {
        return known && known.version > candidate.version ? known : candidate;
    }

    function renderSummary() {
        const shown = state.rows.size;
        const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
        const filtered = Object.keys(state.filters).length > 0;
        byId('list-summary').textContent = state.total === 0
            ? (filtered ? 'No alert matches these filters.' : 'No alerts yet.')
            : state.total + (state.total === 1 ? ' alert' : ' alerts')
            + (filtered ? (state.total === 1 ? ' matches' : ' match') + ' the filters' : '') + '; ' + shown + ' shown.';
        byId('page-label').textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
        byId('page-prev').disabled = state.page === 0;
        byId('page-next').disabled = state.page + 1 >= pages;
        const body = byId('alerts-body');
        const empty = body.querySelector('tr.empty');
        if (shown === 0 && !empty) {
            body.appendChild(el('tr', {class: 'empty'}, el('td', {colspan: 7, text: 'No alerts to show.'})));
        } else if (shown > 0 && empty) {
            empty.remove();
        }
    }

    function buildRow(alert, fresh) {
        const party = alert.party || {};
        const entity = alert.entity || {};
        const row = el('tr', {
                class: [fresh ? 'fresh' : '', alert.alertId === state.selectedId ? 'selected' : '']
                    .join(' ').trim() || null,
                'aria-current': alert.alertId === state.selectedId ? 'true' : null,
                dataset: {alertId: alert.alertId, status: alert.status, version: alert.version},
                onclick: () => openAlert(alert.alertId)
            },
            el('td', null, badge('sev', alert.severity),
                el('span', {class: 'sub', title: labelOf(TYPE_LABELS, alert.type),
                    text: labelOf(TYPE_SHORT, alert.type)})),
            el('td', {class: 'status-cell'}, badge('status', alert.status)),
            el('td', null,
                el('button', {type: 'button', class: 'link clip', title: alert.declarationId,
                    text: alert.declarationId || alert.shipmentId,
                    'aria-label': 'Open alert for declaration ' + (alert.declarationId || alert.shipmentId)}),
                el('span', {class: 'sub clip', title: 'Shipment ' + alert.shipmentId, text: alert.shipmentId}),
                el('span', {class: 'sub', text: alert.reportingAgency})),
            el('td', null, party.name,
                el('span', {class: 'sub', text: [party.role, party.country].filter(Boolean).join(' · ')})),
            el('td', null, entity.name,
                el('span', {class: 'sub nowrap', text: [entity.source, entity.sourceId].filter(Boolean).join(' ')})),
            el('td', {class: 'num', text: scoreText(alert.score)}),
            el('td', {class: 'nowrap'}, raisedCell(alert.raisedAt),
                alert.late ? el('span', {class: 'badge late', text: 'Late',
                    title: 'Raised by a rescreen after a sanctions list changed'}) : null));
        return row;
    }

    function comesBefore(a, b) {
        if (a.raisedAt !== b.raisedAt) {
            return new Date(a.raisedAt) > new Date(b.raisedAt);
        }
        return a.alertId > b.alertId;
    }

    function insertRow(alert, fresh) {
        const row = buildRow(alert, fresh);
        const body = byId('alerts-body');
        let before = null;
        for (const existing of body.children) {
            const other = state.heard.get(existing.dataset.alertId);
            if (other && comesBefore(alert, other)) {
                before = existing;
                break;
            }
        }
        body.insertBefore(row, before);
        state.rows.set(alert.alertId, row);
    }

    /** An alert heard of, on the stream or in an answer: updates, adds or drops its row. */
    function heard(alert, raised) {
        const known = state.heard.get(alert.alertId);
        if (known && known.version > alert.version) {
            return;
        }
        state.heard.set(alert.alertId, alert);
        if (state.pending) {
            state.pending.set(alert.alertId, raised || state.pending.get(alert.alertId) === true);
        } else {
            placeRow(alert, raised);
            renderSummary();
        }
        if (alert.alertId === state.selectedId) {
            openAlertChanged(alert);
        }
    }

    /**
     * A new alert matching the filters goes to the top of the first page. A changed one on screen is redrawn, or
     * dropped when it no longer matches. A changed one not on screen may now match, and only the service knows
     * where it belongs and how many match: the page is read again.
     */
    function placeRow(alert, raised) {
        const row = state.rows.get(alert.alertId);
        const matches = matchesFilters(alert);
        if (row && matches) {
            const replacement = buildRow(alert, false);
            row.replaceWith(replacement);
            state.rows.set(alert.alertId, replacement);
        } else if (row) {
            row.remove();
            state.rows.delete(alert.alertId);
            state.total = Math.max(0, state.total - 1);
        } else if (matches && raised) {
            if (state.page === 0) {
                insertRow(alert, true);
            }
            state.total += 1;
        } else if (matches) {
            clearTimeout(state.reloadTimer);
            state.reloadTimer = setTimeout(loadList, RELOAD_DEBOUNCE_MS);
        }
        if (!state.rows.has(alert.alertId) && alert.alertId !== state.selectedId) {
            state.heard.delete(alert.alertId);
        }
    }

    /** Only what is on screen needs remembering: a console open for days must not keep every alert it heard. */
    function forgetOffScreen() {
        for (const alertId of Array.from(state.heard.keys())) {
            if (!state.rows.has(alertId) && alertId !== state.selectedId) {
                state.heard.delete(alertId);
            }
        }
    }

    function markSelected() {
        for (const [id, row] of state.rows) {
            row.classList.toggle('selected', id === state.selectedId);
            if (id === state.selectedId) {
                row.setAttribute('aria-current', 'true');
            } else {
                row.removeAttribute('aria-current');
            }
        }
    }

    /* ---------- the stream ---------- */

    function setStreamState(stateName, text) {
        const status = byId('stream-status');
        status.dataset.state = stateName;
        status.textContent = text;
    }

    function firstLoad() {
        if (!state.listLoaded) {
            state.listLoaded = true;
            loadList();
        }
    }

    const stream = {
        /** aborts the connection open now */
        controller: null,
        /** changes with every connection and every stop: what an older connection does afterwards is ignored */
        generation: 0,
        /** the id of the last event received, sent back as Last-Event-ID when reconnecting */
        lastEventId: null,
        retryMs: DEFAULT_RETRY_MS,
        timer: null
    };

    function stopStream() {
        stream.generation += 1;
        clearTimeout(stream.timer);
        if (stream.controller) {
            stream.controller.abort();
            stream.controller = null;
        }
    }

    /**
     * EventSource cannot send an Authorization header, so the stream is read with fetch and its frames parsed here
     * as a browser does: after a drop it connects again with Last-Event-ID naming the last event received, and the
     * service sends what changed meanwhile, so nothing is missed.
     */
    async function connectStream() {
        stopStream();
        const generation = stream.generation;
        const controller = new AbortController();
        stream.controller = controller;
        const resuming = Boolean(stream.lastEventId);
        const headers = {Accept: 'text/event-stream', Authorization: 'Bearer ' + state.token};
        if (resuming) {
            headers['Last-Event-ID'] = stream.lastEventId;
        }
        let response;
        try {
            response = await fetch(API + '/stream', {headers, signal: controller.signal, cache: 'no-store'});
        } catch (e) {
            streamDropped(generation, RECONNECT_MS);
            return;
        }
        if (generation !== stream.generation) {
            controller.abort();
            return;
        }
        if (response.status === 401 || response.status === 403) {
            controller.abort();
            signedOut(response.status);
            return;
        }
        if (!response.ok || !response.body) {
            controller.abort();
            streamDropped(generation, RECONNECT_MS);
            return;
        }
        setStreamState('live', 'Live: new alerts and changes appear as they happen');
        if (state.listLoaded && !resuming) {
            // Connected afresh (nothing heard yet to resume from): what changed in between is in the list only.
            loadList();
        }
        firstLoad();
        try {
            await readFrames(response.body, generation);
        } catch (e) {
            // the connection broke, or was aborted on purpose (then the generation has moved on)
        }
        streamDropped(generation, stream.retryMs);
    }

    function streamDropped(generation, delay) {
        if (generation !== stream.generation) {
            return;
        }
        setStreamState('reconnecting', 'Live updates interrupted; reconnecting…');
        firstLoad();
        stream.timer = setTimeout(() => {
            if (generation === stream.generation) {
                connectStream();
            }
        }, delay);
    }

    /** Reads the stream until it ends, handing on each frame (lines up to a blank one) as soon as it is complete. */
    async function readFrames(body, generation) {
        const reader = body.getReader();
        const decoder = new TextDecoder('utf-8');
        const frame = {event: '', data: [], id: stream.lastEventId};
        let buffer = '';
        for (;;) {
            const {value, done} = await reader.read();
            if (done || generation !== stream.generation) {
                return;
            }
            buffer = readLines(buffer + decoder.decode(value, {stream: true}), frame, generation);
        }
    }

    /** Handles each complete line (ended by CR LF, LF or CR); answers the rest, a line still on its way. */
    function readLines(buffer, frame, generation) {
        let start = 0;
        for (;;) {
            const lf = buffer.indexOf('\n', start);
            const cr = buffer.indexOf('\r', start);
            const end = lf < 0 ? cr : (cr < 0 ? lf : Math.min(lf, cr));
            if (end < 0 || (end === cr && end + 1 === buffer.length)) {
                // no line ended yet, or a CR whose LF may come with the next chunk
                return buffer.slice(start);
            }
            const line = buffer.slice(start, end);
            start = end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1);
            if (generation !== stream.generation) {
                return '';
            }
            readLine(line, frame);
        }
    }

    function readLine(line, frame) {
        if (line === '') {
            dispatchFrame(frame);
            return;
        }
        if (line.startsWith(':')) {
            return; // a comment: the heartbeat that keeps the connection open
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) {
            value = value.slice(1);
        }
        if (field === 'event') {
            frame.event = value;
        } else if (field === 'data') {
            frame.data.push(value);
        } else if (field === 'id' && !value.includes('\0')) {
            frame.id = value;
        } else if (field === 'retry' && /^[0-9]+$/.test(value)) {
            stream.retryMs = Number(value);
        }
    }

    /** A blank line ends a frame: its id is where a reconnection resumes; a frame without data is no event. */
    function dispatchFrame(frame) {
        stream.lastEventId = frame.id;
        const name = frame.event || 'message';
        const data = frame.data.join('\n');
        const hasData = frame.data.length > 0;
        frame.event = '';
        frame.data = [];
        if (!hasData) {
            return;
        }
        if (name === 'alert') {
            onStreamEvent(data, true);
        } else if (name === 'alert-updated') {
            onStreamEvent(data, false);
        }
    }

    function onStreamEvent(data, raised) {
        let alert;
        try {
            alert = JSON.parse(data);
        } catch (e) {
            return;
        }
        if (alert && alert.alertId) {
            heard(alert, raised);
        }
    }

    /* ---------- one alert ---------- */

    async function openAlert(alertId) {
        state.selectedId = alertId;
        markSelected();
        try {
            const {json, etag} = await call('GET', API + '/' + encodeURIComponent(alertId));
            if (state.selectedId === alertId) {
                showDetail(json, etag);
            }
        } catch (e) {
            if (!e.auth) {
                showDetailError(e.message);
            }
        }
    }

    function closeDetail() {
        state.selectedId = null;
        state.detail = null;
        state.etag = null;
        const section = byId('detail');
        delete section.dataset.alertId;
        delete section.dataset.version;
        delete section.dataset.status;
        byId('detail-title').textContent = 'Alert';
        byId('detail-body').replaceChildren();
        byId('detail-body').hidden = true;
        const placeholder = byId('detail-placeholder');
        placeholder.textContent = PLACEHOLDER;
        placeholder.hidden = false;
    }

    function showDetail(detail, etag) {
        const another = !state.detail || state.detail.alertId !== detail.alertId;
        state.detail = detail;
        state.etag = etag || '"' + detail.version + '"';
        const section = byId('detail');
        if (another) {
            section.scrollTop = 0;
        }
        section.dataset.alertId = detail.alertId;
        section.dataset.version = detail.version;
        section.dataset.status = detail.status;
        byId('detail-title').textContent = 'Alert · ' + (detail.declarationId || detail.shipmentId);
        byId('detail-placeholder').hidden = true;
        const body = byId('detail-body');
        body.hidden = false;
        body.replaceChildren(
            el('div', {id: 'detail-messages'},
                el('p', {id: 'detail-stale', class: 'notice', role: 'status', hidden: true}),
                el('p', {id: 'detail-error', class: 'error', role: 'alert', hidden: true}),
                el('p', {id: 'detail-done', class: 'done', role: 'status', hidden: true})),
            headerOf(detail),
            metaOf(detail),
            el('h3', {text: 'Party as declared and the listed entity'}),
            partyOf(detail),
            el('h3', {text: 'Score and why'}),
            scoreOf(detail),
            el('h3', {text: 'Goods that make it an alert'}),
            goodsOf(detail),
            el('h3', {text: 'Review'}),
            actionsOf(detail),
            el('h3', {text: 'History'}),
            historyOf(detail));
    }

    function headerOf(d) {
        return el('div', {class: 'detail-head'},
            badge('sev', d.severity), badge('status', d.status),
            el('span', {text: labelOf(TYPE_LABELS, d.type)}),
            d.late ? el('span', {class: 'badge late', text: 'Late: raised by a rescreen'}) : null);
    }

    function metaOf(d) {
        const rows = [
            ['Declaration', d.declarationId],
            ['Shipment', d.shipmentId],
            ['Reporting agency', d.reportingAgency],
            ['Route', [d.originCountry, d.destinationCountry].filter(Boolean).join(' → ')],
            ['List version', d.listVersion],
            ['Raised', when(d.raisedAt)],
            ['Last change', when(d.updatedAt)],
            ['Assignee', d.assignee || 'nobody'],
            ['Status set by', d.statusChangedBy ? d.statusChangedBy + ', ' + when(d.statusChangedAt) : null],
            ['Reason', d.reason ? [d.reason.code, d.reason.text].filter(Boolean).join(': ') : null],
            ['Alert id', d.alertId]
        ];
        return el('dl', {class: 'meta'}, rows.filter((row) => row[1])
            .map(([term, value]) => [el('dt', {text: term}), el('dd', {text: value})]));
    }

    function partyOf(d) {
        const party = d.party || {};
        const entity = d.entity || {};
        const matched = d.matchedName && d.matchedName !== entity.name
            ? d.matchedName + ' (alias on the list)' : d.matchedName;
        const rows = [
            ['Name', party.name, entity.name],
            ['Name that matched', '', matched],
            ['Role and country', [party.role, party.country].filter(Boolean).join(' · '), ''],
            ['List entry', '', [entity.source, entity.sourceId].filter(Boolean).join(' ')
            + (entity.entityId ? ' (' + entity.entityId + ')' : '')]
        ];
        return el('table', {class: 'compare', id: 'party-compare'},
            el('thead', null, el('tr', null,
                el('th', {scope: 'col'}, el('span', {class: 'visually-hidden', text: 'What'})),
                el('th', {scope: 'col', text: 'Declared on the shipment'}),
                el('th', {scope: 'col', text: 'On the sanctions list'}))),
            el('tbody', null,
                rows.map(([what, declared, listed]) => el('tr', null,
                    el('th', {scope: 'row', text: what}), el('td', {text: declared}), el('td', {text: listed}))),
                el('tr', null, el('th', {scope: 'row', text: 'Programs'}), el('td'),
                    el('td', {class: 'programs'},
                        (entity.programs || []).map((program) => el('span', {class: 'badge', text: program}))))));
    }

    function scoreOf(d) {
        return el('div', {id: 'score'},
            el('p', {class: 'score'}, 'Match score', el('strong', {text: scoreText(d.score)})),
            d.matchExplanation ? el('p', {class: 'explanation', text: 'Match: ' + d.matchExplanation}) : null,
            el('p', {class: 'explanation', id: 'explanation', text: d.explanation}));
    }

    function goodsOf(d) {
        const lines = d.goods || [];
        return el('table', {id: 'goods'},
            el('thead', null, el('tr', null,
                el('th', {scope: 'col', class: 'num', text: 'Line'}),
                el('th', {scope: 'col', text: 'As declared'}),
                el('th', {scope: 'col', text: 'Controlled as'}),
                el('th', {scope: 'col', text: 'Why'}))),
            el('tbody', null, lines.map((line) => {
                const c = line.classification || {};
                return el('tr', null,
                    el('td', {class: 'num', text: line.line}),
                    el('td', null, line.description,
                        el('span', {class: 'sub', text: [line.hsCode ? 'HS ' + line.hsCode : '',
                            line.casNumber ? 'CAS ' + line.casNumber : ''].filter(Boolean).join(' · ')}),
                        el('span', {class: 'sub', text: [line.quantity, line.unit].filter((v) => v !== undefined
                            && v !== null).join(' ')})),
                    el('td', null, labelOf(CATEGORY_LABELS, c.category),
                        el('span', {class: 'sub', text: [c.itemName, c.itemCode ? '(' + c.itemCode + ')' : '']
                            .filter(Boolean).join(' ')}),
                        c.misdeclared ? el('span', {class: 'badge late', text: 'Misdeclared'}) : null,
                        c.catalogVersion ? el('span', {class: 'sub', text: 'catalog ' + c.catalogVersion}) : null),
                    el('td', null, el('ul', {class: 'why'}, (c.evidence || []).map((e) => el('li', {text: e})))));
            })));
    }

    function actionsOf(d) {
        const moves = d.allowedTransitions || [];
        const reopen = d.status === 'DISMISSED';
        const review = el('fieldset', null, el('legend', {text: 'Move the alert'}));
        if (moves.length === 0) {
            review.appendChild(el('p', {class: 'hint', text: d.status + ' is final: no further moves.'}));
        } else {
            appendAll(review, [
                el('div', {class: 'row'}, el('label', {for: 'reason-text', text: 'Reason'}),
                    el('input', {id: 'reason-text', maxlength: 2000, 'aria-describedby': 'reason-hint'})),
                el('p', {id: 'reason-hint', class: 'hint', text: reopen
                        ? 'Reopening needs a reason.' : 'Needed to dismiss as "Other"; optional otherwise.'}),
                moves.includes('DISMISSED') ? el('div', {class: 'row'},
                    el('label', {for: 'dismissal-reason', text: 'Dismissal reason'}),
                    el('select', {id: 'dismissal-reason'},
                        DISMISSAL_REASONS.map(([code, text]) => el('option', {value: code, text})))) : null,
                el('div', {class: 'row'}, el('label', {for: 'move-note', text: 'Note'}),
                    el('input', {id: 'move-note', maxlength: 4000})),
                el('div', {class: 'moves'}, moves.map((status) => el('button', {
                    type: 'button', id: 'move-' + status, class: status === 'DISMISSED' ? 'danger' : null,
                    text: reopen && status === 'ACKNOWLEDGED' ? 'Reopen' : labelOf(MOVE_LABELS, status),
                    onclick: () => move(status)
                })))]);
        }
        const parts = [review];
        if (d.assignable) {
            parts.push(el('fieldset', null, el('legend', {text: 'Assignment'}),
                el('div', {class: 'row'}, el('label', {for: 'assignee', text: 'Assignee'}),
                    el('input', {id: 'assignee', maxlength: 128, value: d.assignee || ''}),
                    el('button', {type: 'button', id: 'assign', class: 'secondary', text: 'Assign',
                        onclick: assign}))));
        }
        parts.push(el('fieldset', null, el('legend', {text: 'Note'}),
            el('label', {for: 'note-text', class: 'visually-hidden', text: 'Note'}),
            el('textarea', {id: 'note-text', maxlength: 4000, placeholder: 'What you found or did'}),
            el('div', {class: 'moves'},
                el('button', {type: 'button', id: 'add-note', class: 'secondary', text: 'Add note',
                    onclick: addNote}))));
        if (d.suppression) {
            parts.push(el('fieldset', null, el('legend', {text: 'False-positive suppression'}),
                el('p', {text: '"' + d.suppression.partyName + '" is no longer matched to entity '
                        + d.suppression.entityId + ' (by ' + d.suppression.createdBy + ', '
                        + when(d.suppression.createdAt) + ').'}),
                el('button', {type: 'button', id: 'lift-suppression', class: 'secondary',
                    text: 'Lift the suppression', onclick: liftSuppression})));
        }
        return el('div', {class: 'actions'}, parts);
    }

    function historyOf(d) {
        return el('ol', {class: 'history', id: 'history'}, (d.history || []).map((entry) => el('li', null,
            el('span', {class: 'when', text: when(entry.at) + (entry.actor ? ' · ' + entry.actor : '')
                    + ' · ' + entry.kind}),
            el('div', {text: entry.summary}),
            entry.note ? el('div', {class: 'hint', text: 'Note: ' + entry.note}) : null)));
    }

    function value(id) {
        const input = byId(id);
        return input ? input.value.trim() : '';
    }

    function alertPath(suffix) {
        return API + '/' + encodeURIComponent(state.detail.alertId) + suffix;
    }

    function move(status) {
        const body = {status};
        const text = value('reason-text');
        if (status === 'DISMISSED') {
            body.reason = {code: value('dismissal-reason')};
            if (text) {
                body.reason.text = text;
            }
        } else if (text) {
            body.reason = text;
        }
        if (value('move-note')) {
            body.note = value('move-note');
        }
        const reopening = state.detail.status === 'DISMISSED' && status === 'ACKNOWLEDGED';
        const done = reopening ? 'Reopened' : DONE_LABELS[status];
        change(() => call('POST', alertPath('/transitions'), {body, ifMatch: state.etag}), done);
    }

    function assign() {
        const assignee = value('assignee');
        change(() => call('PUT', alertPath('/assignee'), {body: {assignee}, ifMatch: state.etag}),
            assignee ? 'Assigned to ' + assignee : 'Unassigned');
    }

    function addNote() {
        change(() => call('POST', alertPath('/notes'), {body: {note: value('note-text')}, ifMatch: state.etag}),
            'Note added');
    }

    function liftSuppression() {
        const reason = value('reason-text');
        const query = reason ? '?reason=' + encodeURIComponent(reason) : '';
        change(() => call('DELETE', alertPath('/suppression' + query), {ifMatch: state.etag}), 'Suppression lifted');
    }

    /** Sends one change based on the version on screen; shows the alert as answered, or why it was refused. */
    async function change(send, doneText) {
        if (state.busy) {
            return;
        }
        state.busy = true;
        state.heardDuringChange = 0;
        setActionsDisabled(true);
        try {
            const {json, etag} = await send();
            showDetail(json, etag);
            heard(json, false);
            // The service names the actor from the token: the newest history entry someone made says who.
            const made = (json.history || []).filter((entry) => entry.actor).pop();
            const done = byId('detail-done');
            done.textContent = doneText + (made ? ' by ' + made.actor : '') + '.';
            done.hidden = false;
            if (state.heardDuringChange > json.version) {
                showStale(state.heard.get(json.alertId));
            }
        } catch (e) {
            if (!e.auth) {
                showDetailError(e.message, e.status === 412 || e.status === 409);
            }
        } finally {
            state.busy = false;
            setActionsDisabled(false);
        }
    }

    function setActionsDisabled(disabled) {
        for (const button of byId('detail-body').querySelectorAll('.actions button')) {
            button.disabled = disabled;
        }
    }

    function showDetailError(message, offerReload) {
        const error = byId('detail-error');
        if (!error) {
            byId('detail-placeholder').hidden = false;
            byId('detail-placeholder').textContent = message;
            return;
        }
        error.replaceChildren(message);
        if (offerReload) {
            error.appendChild(document.createTextNode(' '));
            error.appendChild(reloadButton());
        }
        error.hidden = false;
        byId('detail-done').hidden = true;
    }

    function reloadButton() {
        return el('button', {type: 'button', class: 'secondary reload', text: 'Reload the alert',
            onclick: () => openAlert(state.detail.alertId)});
    }

    /** The open alert changed on the service: say so, and keep the version on screen until the officer reloads. */
    function openAlertChanged(alert) {
        if (!state.detail || alert.version <= state.detail.version) {
            return;
        }
        if (state.busy) {
            state.heardDuringChange = Math.max(state.heardDuringChange, alert.version);
            return;
        }
        showStale(alert);
    }

    function showStale(alert) {
        const stale = byId('detail-stale');
        if (!stale || !alert) {
            return;
        }
        stale.replaceChildren('This alert has changed since you opened it: it is now ' + alert.status
            + (alert.assignee ? ', assigned to ' + alert.assignee : '') + '. ', reloadButton());
        stale.hidden = false;
    }

    /* ---------- start ---------- */

    function start() {
        byId('officer-form').addEventListener('submit', (event) => {
            event.preventDefault();
            useToken();
        });
        byId('filters').addEventListener('submit', (event) => {
            event.preventDefault();
            state.filters = readFilters();
            state.page = 0;
            loadList();
        });
        byId('clear-filters').addEventListener('click', () => {
            byId('filters').reset();
            state.filters = {};
            state.page = 0;
            loadList();
        });
        byId('page-prev').addEventListener('click', () => {
            state.page = Math.max(0, state.page - 1);
            loadList();
        });
        byId('page-next').addEventListener('click', () => {
            state.page += 1;
            loadList();
        });
        tokenInput.value = storedToken();
        useToken();
    }

    start();
})();
