package org.flowscore.sink.es;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;

/**
 * What a bulk response says became of one document, which decides what {@link BulkWriter} does next:
 * count it as written, send it again, stop the run, or put it in the dead-letter file. It depends on the
 * item's status and error alone, so canned responses can pin it down.
 */
sealed interface DocumentOutcome {

    /** Stored: the item carries no error. */
    record Indexed() implements DocumentOutcome {
    }

    /**
     * 409: a document with this id exists. Ids derive from the record itself, so it is this very document,
     * written by an earlier or interrupted run: success, and a rerun adds nothing.
     */
    record AlreadyThere() implements DocumentOutcome {
    }

    /** 429 (the node sheds load) or 5xx (a shard not yet allocated, a node restarting): it may land later. */
    record Retry() implements DocumentOutcome {
    }

    /**
     * 401 or 403: the user may not write there. Every other document would be refused the same way and
     * only the user can change that, so the run stops.
     */
    record Fatal(int status, String reason) implements DocumentOutcome {
        /** Why the run stopped and which privileges to grant; {@code index} is what the document was sent to. */
        String message(String index) {
            return "Elasticsearch refused writing to " + index + " (HTTP " + status + ": " + reason
                    + "): the user needs the index privileges create_doc and auto_configure on logs-flowscore.*";
        }
    }

    /**
     * Any other refusal, e.g. 400 for a value the mapping does not take or 404 for a missing target:
     * sending it again gets the same answer, so it is set aside with the reason.
     */
    record DeadLetter(int status, String reason) implements DocumentOutcome {
    }

    /** The outcome of each document, in the order they were sent (a bulk response keeps that order). */
    static List<DocumentOutcome> of(BulkResponse response) {
        return response.items().stream().map(DocumentOutcome::of).toList();
    }

    static DocumentOutcome of(BulkResponseItem item) {
        ErrorCause error = item.error();
        int status = item.status();
        if (error == null) {
            return new Indexed();
        }
        if (status == 409) {
            return new AlreadyThere();
        }
        if (status == 429 || status >= 500) {
            return new Retry();
        }
        if (status == 401 || status == 403) {
            return new Fatal(status, reason(error));
        }
        return new DeadLetter(status, reason(error));
    }

    /** Type and reason, with the cause's: for a parse error only the cause says what is wrong with the value. */
    private static String reason(ErrorCause error) {
        StringBuilder s = new StringBuilder(error.type()).append(": ").append(error.reason());
        if (error.causedBy() != null) {
            s.append(" (caused by ").append(error.causedBy().type()).append(": ")
                    .append(error.causedBy().reason()).append(')');
        }
        return s.toString();
    }
}
