package com.zylker.sandbox.control;

/**
 * One injected misbehaviour: answer with {@code status}/{@code body} (status 0 means "answer normally") after
 * waiting {@code delayMs}. A fault with only a delay is how the portal's timeout handling is tested.
 */
public record Fault(int status, String body, long delayMs) {

    public boolean replacesResponse() {
        return status > 0;
    }
}
