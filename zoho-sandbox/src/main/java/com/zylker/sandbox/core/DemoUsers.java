package com.zylker.sandbox.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed demo people. Other parts of the project (portal admins, browser tests) rely on these exact
 * names, emails and data centres, so they are constants rather than configuration.
 */
public final class DemoUsers {

    public static final DemoUser PRIYA = new DemoUser(60012345001L, "5725767000000281001", "Priya", "Raman",
            "priya.raman@zylkeracademy.com", "Course Coordinator", "Standard", DataCenter.COM);
    public static final DemoUser DANIEL = new DemoUser(60012345002L, "5725767000000282001", "Daniel", "Brooks",
            "daniel.brooks@zylkeracademy.com", "Accounts Officer", "Standard", DataCenter.COM);
    public static final DemoUser AISHA = new DemoUser(60012345003L, "5725767000000283001", "Aisha", "Khan",
            "aisha.khan@zylkeracademy.com", "CEO", "Administrator", DataCenter.COM);
    public static final DemoUser LUKAS = new DemoUser(20087654001L, "2046518000000281001", "Lukas", "Schneider",
            "lukas.schneider@zylkeracademy.eu", "Course Coordinator", "Standard", DataCenter.EU);

    public static final List<DemoUser> ALL = List.of(PRIYA, DANIEL, AISHA, LUKAS);

    private DemoUsers() {
    }

    public static Optional<DemoUser> byEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(u -> u.email().equals(wanted)).findFirst();
    }

    public static List<DemoUser> of(DataCenter dc) {
        return ALL.stream().filter(u -> u.dc() == dc).toList();
    }
}
