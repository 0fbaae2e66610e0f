package com.zylker.portal.core.bench;

import com.zylker.portal.core.crypto.KeyRing;
import com.zylker.portal.core.crypto.TokenCipher;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The crypto share of JpaTokenStore's work, without a database: what one save (4 seals, 4 hashes) and one
 * read (4 opens, 1 lookup hash) cost, to tell crypto from database and ORM time in the store's figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenCipherBenchmark {

    private TokenCipher cipher;
    private byte[] sealed;

    @Setup
    public void setUp() {
        cipher = new TokenCipher(KeyRing.parse(KeyRing.generateSpec("bench", new SecureRandom()), null));
        sealed = cipher.seal("1000.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef", "ctx");
    }

    @Benchmark
    public void cryptoOfOneSave(Blackhole bh) {
        String value = "1000.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef";
        for (int i = 0; i < 4; i++) {
            bh.consume(cipher.seal(value, "ctx"));
            bh.consume(cipher.lookupHash("bench", value));
        }
    }

    @Benchmark
    public void cryptoOfOneRead(Blackhole bh) {
        bh.consume(cipher.lookupHashes("bench.user1@zylker.com"));
        for (int i = 0; i < 4; i++) {
            bh.consume(cipher.open("bench", sealed, "ctx"));
        }
    }
}
