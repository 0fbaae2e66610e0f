package com.zylker.portal.core.persistence;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The one server-level datasource every WAR shares. It is created at server boot (see {@code etc/payara/})
 * rather than per WAR, so that all WARs share one pool and, with H2, one database engine.
 *
 * <p>Looked up by its global name rather than injected with {@code @Resource}: Payara does not bind
 * {@code @Resource} fields of classes in a WAR's library jars into {@code java:comp/env} (measured: the
 * deployment fails with "Lookup failed for java:comp/env/…").
 */
public final class PortalDataSource {

    public static final String JNDI_NAME = "jdbc/portal";

    private PortalDataSource() {
    }

    public static DataSource lookup() {
        try {
            return InitialContext.doLookup(JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("The server has no datasource " + JNDI_NAME
                    + ": start the portal with bin/start-portal.sh (it creates the pool at boot)", e);
        }
    }
}
