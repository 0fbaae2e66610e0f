package com.zylker.portal.core.metrics;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The shared connection pool's figures as Payara's monitoring reports them: the pool's
 * {@code jdbc-connection-pool-mon} MBean, which exists once the start script has turned the pool's
 * monitoring on and booted AMX (and the flashlight agent is loaded, without which every figure stays 0).
 * Read on every scrape (an attribute read, no database work); -1 when the MBean is not there, so a server
 * without pool monitoring shows it plainly instead of a plausible 0.
 */
public final class PoolUsage {

    /** The pool every WAR shares (created at boot by {@code bin/start-portal.sh}). */
    public static final String POOL_NAME = "portalPool";

    private final MBeanServer server;
    private final String poolName;
    private volatile ObjectName found;

    public PoolUsage() {
        this(ManagementFactory.getPlatformMBeanServer(), POOL_NAME);
    }

    PoolUsage(MBeanServer server, String poolName) {
        this.server = server;
        this.poolName = poolName;
    }

    /** Connections handed out now. */
    public long used() {
        return read("numconnused", "current");
    }

    /** Connections open and idle in the pool now. */
    public long free() {
        return read("numconnfree", "current");
    }

    /** The most connections in use at once since the pool started. */
    public long usedPeak() {
        return read("numconnused", "highWaterMark");
    }

    /** Requests waiting for a connection now (the pool is exhausted when this stays above 0). */
    public long waiting() {
        return read("waitqueuelength", "count");
    }

    /** Connections handed out since the pool started. */
    public long acquired() {
        return read("numconnacquired", "count");
    }

    private long read(String attribute, String item) {
        ObjectName name = poolMBean();
        if (name == null) {
            return -1;
        }
        try {
            Object value = server.getAttribute(name, attribute);
            if (value instanceof CompositeData data && data.containsKey(item) && data.get(item) instanceof Number n) {
                return n.longValue();
            }
            return -1;
        } catch (JMException | RuntimeException e) {
            found = null; // the MBean went away (pool re-created): look it up again next time
            return -1;
        }
    }

    private ObjectName poolMBean() {
        ObjectName name = found;
        if (name != null) {
            return name;
        }
        try {
            // The parent path (pp) names the instance: matched by type and name only.
            Set<ObjectName> names = server.queryNames(
                    new ObjectName("amx:type=jdbc-connection-pool-mon,name=resources/" + poolName + ",*"), null);
            name = names.stream().findFirst().orElse(null);
        } catch (JMException | RuntimeException e) {
            name = null;
        }
        found = name;
        return name;
    }
}
