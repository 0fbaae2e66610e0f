package com.zylker.sandbox.control;

/** Raised when a control call arrives while {@code sandbox.control.enabled} is false; answered with 403. */
public class ControlDisabledException extends RuntimeException {

    public ControlDisabledException() {
        super("The sandbox control API is disabled (sandbox.control.enabled=false)");
    }
}
