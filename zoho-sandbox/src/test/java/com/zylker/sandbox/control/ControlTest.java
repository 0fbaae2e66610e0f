package com.zylker.sandbox.control;

import com.zylker.sandbox.core.DataCenter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlTest {

    @Test
    void disabledControlIsRefused() {
        ControlGuard guard = new ControlGuard(false);

        assertThatThrownBy(guard::check).isInstanceOf(ControlDisabledException.class);
    }

    @Test
    void enabledControlPasses() {
        new ControlGuard(true).check();
    }

    @Test
    void countersAreExactUnderConcurrency() throws Exception {
        Counters counters = new Counters();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                for (int j = 0; j < 1_000; j++) {
                    counters.increment(Counters.Kind.REFRESHES, DataCenter.COM);
                    counters.incrementRefreshOf("priya.raman@zylkeracademy.com");
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();

        assertThat(counters.get(Counters.Kind.REFRESHES, DataCenter.COM)).isEqualTo(8_000);
        assertThat(counters.snapshot().get("refreshes_by_user"))
                .isEqualTo(Map.of("priya.raman@zylkeracademy.com", 8_000L));
    }

    @Test
    void faultAppliesToTheNextTimesCallsOnly() {
        Faults faults = new Faults();
        faults.arm("token", new Fault(500, null, 0), 2);

        assertThat(faults.take("token")).isPresent();
        assertThat(faults.take("crm")).isEmpty();
        assertThat(faults.take("token")).isPresent();
        assertThat(faults.take("token")).isEmpty();
    }

    @Test
    void unknownFaultFamilyIsRejected() {
        assertThatThrownBy(() -> new Faults().arm("potatoes", new Fault(500, null, 0), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void callsAreCountedPerPathAndPerUserAndProduct() {
        Counters counters = new Counters();

        counters.incrementPath("POST /crm/v8/Leads");
        counters.incrementUser("priya.raman@zylkeracademy.com", "crm", "POST /crm/v8/Leads");
        counters.incrementUser("priya.raman@zylkeracademy.com", "books", "POST /books/v3/invoices");
        Map<String, Object> snapshot = counters.snapshot();

        assertThat((Map<String, Object>) snapshot.get("calls_by_path")).containsEntry("POST /crm/v8/Leads", 1L);
        assertThat((Map<String, Object>) snapshot.get("calls_by_user"))
                .containsEntry("priya.raman@zylkeracademy.com", Map.of("books", 1L, "crm", 1L));
        assertThat((Map<String, Object>) snapshot.get("calls_by_user_path")).containsEntry("priya.raman@zylkeracademy.com",
                Map.of("POST /crm/v8/Leads", 1L, "POST /books/v3/invoices", 1L));
        assertThat(snapshot).containsKeys("code_exchanges", "refreshes", "revocations", "api_calls", "books_calls",
                "userinfo_calls", "refreshes_by_user");
    }
}
