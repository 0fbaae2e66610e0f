package com.zylker.portal.books.application;

import java.io.Serializable;
import java.util.List;

/**
 * What a Save on the new-invoice form did: {@code problems} found before any call; or Books' refusal in
 * words ({@code message}); or a {@link Submission} (saved, repeated, in progress, unknown) with the invoice id.
 */
public record CreationResult(List<String> problems, String message, Submission submission) implements Serializable {

    public CreationResult {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static CreationResult invalid(List<String> problems) {
        return new CreationResult(problems, null, null);
    }

    static CreationResult refused(String message) {
        return new CreationResult(List.of(), message, null);
    }

    static CreationResult submitted(Submission s) {
        return new CreationResult(List.of(), null, s);
    }

    public boolean saved() {
        return submission != null && submission.saved();
    }

    public String invoiceId() {
        return submission == null ? null : submission.id();
    }
}
