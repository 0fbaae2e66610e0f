package com.zylker.portal.ui.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/**
 * Registered in portal-ui's faces-config.xml after OmniFaces' {@code FullAjaxExceptionHandlerFactory}, so
 * {@link ZohoExceptionHandler} sees each exception first: Zoho failures become messages, everything else goes
 * on to OmniFaces, which shows the error page also for ajax requests.
 */
public class ZohoExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ZohoExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ZohoExceptionHandler(getWrapped().getExceptionHandler());
    }
}
