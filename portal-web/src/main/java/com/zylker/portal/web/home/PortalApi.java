package com.zylker.portal.web.home;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Small JSON endpoints under {@code /api} that pages load after rendering, so a slow Zoho never blocks a page. */
@ApplicationPath("api")
public class PortalApi extends Application {
}
