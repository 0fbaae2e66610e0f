package com.zylker.portal.books.application;

import java.io.Serializable;

/**
 * What became of one submit of a form (see {@link FormTokens}): {@code DONE} — sent now, {@code id} is the
 * new record; {@code FOUND} — an earlier send whose answer was lost had written it (found by its marker);
 * {@code REPEATED} — this form was sent already, {@code id} is that record; {@code IN_PROGRESS} — the first
 * send has not finished; {@code UNKNOWN} — Books did not answer, the record may exist.
 */
public record Submission(Outcome outcome, String id) implements Serializable {

    public enum Outcome { DONE, FOUND, REPEATED, IN_PROGRESS, UNKNOWN }

    static Submission done(String id) {
        return new Submission(Outcome.DONE, id);
    }

    static Submission found(String id) {
        return new Submission(Outcome.FOUND, id);
    }

    static Submission repeated(String id) {
        return new Submission(Outcome.REPEATED, id);
    }

    static Submission inProgress() {
        return new Submission(Outcome.IN_PROGRESS, null);
    }

    static Submission unknown() {
        return new Submission(Outcome.UNKNOWN, null);
    }

    /** A record exists (now or from before) and {@link #id()} names it. */
    public boolean saved() {
        return id != null && (outcome == Outcome.DONE || outcome == Outcome.FOUND || outcome == Outcome.REPEATED);
    }
}
