package com.zylker.portal.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void productionWithoutKeysRefusesToStart() {
        assertThatThrownBy(() -> KeyRingLoader.load("production", null, null, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("portal.crypto.keys");
        assertThat(dataDir.resolve(KeyRingLoader.KEY_FILE)).doesNotExist();
    }

    @Test
    void configuredKeysWinInEveryMode() {
        String spec = KeyRing.generateSpec("prod1", new SecureRandom());

        KeyRing ring = KeyRingLoader.load("production", spec, null, dataDir);

        assertThat(ring.activeKeyId()).isEqualTo("prod1");
        assertThat(dataDir.resolve(KeyRingLoader.KEY_FILE)).doesNotExist();
    }

    @Test
    void demoWithoutKeysGeneratesAnOwnerOnlyKeyFile() throws Exception {
        KeyRing ring = KeyRingLoader.load("demo", null, null, dataDir);

        Path file = dataDir.resolve(KeyRingLoader.KEY_FILE);
        assertThat(ring.activeKeyId()).isEqualTo(KeyRingLoader.DEMO_KEY_ID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void demoReusesTheKeyFileOnTheNextStart() {
        KeyRing first = KeyRingLoader.load("demo", null, null, dataDir);

        KeyRing second = KeyRingLoader.load("demo", "", null, dataDir);

        assertThat(second.key("demo1").getEncoded()).isEqualTo(first.key("demo1").getEncoded());
    }

    @Test
    void racingStartsAllGetTheSameKey() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<KeyRing>> rings = new ArrayList<>();
        Callable<KeyRing> load = () -> {
            start.await();
            return KeyRingLoader.load("demo", null, null, dataDir);
        };
        for (int i = 0; i < racers; i++) {
            rings.add(pool.submit(load));
        }

        start.countDown();

        byte[] expected = rings.get(0).get().key("demo1").getEncoded();
        for (Future<KeyRing> ring : rings) {
            assertThat(ring.get().key("demo1").getEncoded()).isEqualTo(expected);
        }
        pool.shutdown();
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(dataDir.resolve(KeyRingLoader.KEY_FILE));
        }
    }

    @Test
    void unknownModeIsRefused() {
        assertThatThrownBy(() -> KeyRingLoader.load("staging", null, null, dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("staging");
    }
}
