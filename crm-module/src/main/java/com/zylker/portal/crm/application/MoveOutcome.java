package com.zylker.portal.crm.application;

/**
 * What became of a stage change: moved (the new board), or refused with a message in words — the board is
 * then unchanged and the card goes back.
 */
public record MoveOutcome(boolean moved, String message, PipelineBoard board) {

    static MoveOutcome moved(PipelineBoard board, String message) {
        return new MoveOutcome(true, message, board);
    }

    static MoveOutcome refused(PipelineBoard board, String message) {
        return new MoveOutcome(false, message, board);
    }
}
