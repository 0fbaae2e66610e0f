package com.zylker.portal.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

/**
 * The pool figures read from an MBean shaped like Payara's {@code jdbc-connection-pool-mon} (names, parent path
 * and statistic items as Payara 6.2025 registers them, read off a running Payara Micro with JConsole's API).
 */
class PoolUsageTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void readsThePoolsStatisticsWhateverTheInstanceIsCalled() throws Exception {
        register("amx:pp=/mon/server-mon[node-7],type=jdbc-connection-pool-mon,name=resources/portalPool",
                Map.of("numconnused", range(3, 9), "numconnfree", range(5, 6),
                        "waitqueuelength", count(2), "numconnacquired", count(1234)));
        register("amx:pp=/mon/server-mon[node-7],type=jdbc-connection-pool-mon,name=resources/otherPool",
                Map.of("numconnused", range(30, 30), "numconnfree", range(0, 0),
                        "waitqueuelength", count(20), "numconnacquired", count(1)));

        PoolUsage pool = new PoolUsage(server, "portalPool");

        assertThat(pool.used()).isEqualTo(3);
        assertThat(pool.usedPeak()).isEqualTo(9);
        assertThat(pool.free()).isEqualTo(5);
        assertThat(pool.waiting()).isEqualTo(2);
        assertThat(pool.acquired()).isEqualTo(1234);
    }

    @Test
    void saysMinusOneWhenPoolMonitoringIsOffAndFindsThePoolOnceItAppears() throws Exception {
        PoolUsage pool = new PoolUsage(server, "portalPool");
        assertThat(pool.used()).isEqualTo(-1);
        assertThat(pool.acquired()).isEqualTo(-1);

        ObjectName name = register("amx:pp=/mon/server-mon[server],type=jdbc-connection-pool-mon,name=resources/portalPool",
                Map.of("numconnused", range(1, 2)));
        assertThat(pool.used()).isEqualTo(1);
        assertThat(pool.waiting()).as("an attribute this server lacks").isEqualTo(-1);

        server.unregisterMBean(name);
        assertThat(pool.used()).as("the MBean went away").isEqualTo(-1);
        register(name.toString(), Map.of("numconnused", range(4, 4)));
        assertThat(pool.used()).as("and came back").isEqualTo(4);
    }

    private ObjectName register(String name, Map<String, Object> attributes) throws Exception {
        ObjectName objectName = new ObjectName(name);
        server.registerMBean(new Stats(attributes), objectName);
        return objectName;
    }

    private static CompositeDataSupport range(long current, long highWaterMark) throws OpenDataException {
        return new CompositeDataSupport(new CompositeType("RangeStatistic", "range",
                new String[] {"current", "highWaterMark", "unit"}, new String[] {"current", "highWaterMark", "unit"},
                new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.STRING}),
                new String[] {"current", "highWaterMark", "unit"}, new Object[] {current, highWaterMark, "count"});
    }

    private static CompositeDataSupport count(long count) throws OpenDataException {
        return new CompositeDataSupport(new CompositeType("CountStatistic", "count",
                new String[] {"count", "unit"}, new String[] {"count", "unit"},
                new OpenType<?>[] {SimpleType.LONG, SimpleType.STRING}),
                new String[] {"count", "unit"}, new Object[] {count, "count"});
    }

    /** Payara's AMX statistics MBean reduced to what the reader touches. */
    private record Stats(Map<String, Object> attributes) implements DynamicMBean {

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            Object value = attributes.get(attribute);
            if (value == null) {
                throw new AttributeNotFoundException(attribute);
            }
            return value;
        }

        @Override
        public void setAttribute(Attribute attribute) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeList getAttributes(String[] names) {
            return new AttributeList();
        }

        @Override
        public AttributeList setAttributes(AttributeList list) {
            return new AttributeList();
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(Stats.class.getName(), "pool statistics", null, null, null, null);
        }
    }
}
