package com.zylker.sandbox.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the context root, so paths read like Zoho's: {@code /accounts/{dc}/oauth/v2/token}. */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
