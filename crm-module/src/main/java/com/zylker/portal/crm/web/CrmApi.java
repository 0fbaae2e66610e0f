package com.zylker.portal.crm.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JSON under {@code /crm/api} that other pages (the dashboard) load after rendering. */
@ApplicationPath("api")
public class CrmApi extends Application {
}
