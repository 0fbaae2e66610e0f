package com.zylker.portal.core.bench;

import com.zylker.portal.core.testsupport.TestDatabase;
import com.zylker.portal.core.testsupport.TestDatabases;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of the three TokenStore operations a portal request uses, on MariaDB with 1,000 users, for
 * {@code jpa} (JpaTokenStore), {@code floor} (raw JDBC, pooled, prepared, indexed, no encryption) and
 * {@code baseline} (the seed's style: connection per call, concatenated SQL, no index), plus {@code floor-tx}
 * (the floor in JpaTokenStore's transaction shape, to attribute the gap). Run through
 * {@link TokenStoreBenchmarkMain}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenStoreBenchmark {

    static final int USERS = 1000;

    @Param({"jpa", "floor", "baseline", "floor-tx"})
    public String store;

    private TestDatabase db;
    private BenchStores.BenchStore impl;
    private String[] users;
    private String[] ids;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = TestDatabases.open(TestDatabases.Kind.MARIADB);
        switch (store) {
            case "jpa":
                impl = new BenchStores.Jpa(db);
                break;
            case "floor":
                impl = new BenchStores.Floor(db, false);
                break;
            case "floor-tx":
                impl = new BenchStores.Floor(db, true);
                break;
            case "baseline":
                impl = new BenchStores.SeedStyleBaseline(db);
                break;
            default:
                throw new IllegalArgumentException(store);
        }
        users = new String[USERS];
        ids = new String[USERS];
        for (int i = 0; i < USERS; i++) {
            users[i] = "bench.user" + i + "@zylker.com";
            ids[i] = impl.insert(users[i]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        impl.close();
        db.close();
    }

    @Benchmark
    public Object findTokenByUser() throws Exception {
        return impl.findByUser(users[ThreadLocalRandom.current().nextInt(USERS)]);
    }

    @Benchmark
    public Object saveTokenExistingUser() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return impl.saveExisting(users[random.nextInt(USERS)], "1000.access." + random.nextLong(),
                Instant.now().plusSeconds(3600));
    }

    @Benchmark
    public Object findTokenById() throws Exception {
        return impl.findById(ids[ThreadLocalRandom.current().nextInt(USERS)]);
    }
}
