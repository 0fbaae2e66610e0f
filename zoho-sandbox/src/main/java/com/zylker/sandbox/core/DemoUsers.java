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
            "priya.raman@zylkeracademy.com", "Course Coordinator", "Standard", DataCenter.COM, "Asia/Kolkata");
    public static final DemoUser DANIEL = new DemoUser(60012345002L, "5725767000000282001", "Daniel", "Brooks",
            "daniel.brooks@zylkeracademy.com", "Accounts Officer", "Standard", DataCenter.COM, "America/Chicago");
    public static final DemoUser AISHA = new DemoUser(60012345003L, "5725767000000283001", "Aisha", "Khan",
            "aisha.khan@zylkeracademy.com", "CEO", "Administrator", DataCenter.COM, "Asia/Kolkata");
    public static final DemoUser LUKAS = new DemoUser(20087654001L, "2046518000000281001", "Lukas", "Schneider",
            "lukas.schneider@zylkeracademy.eu", "Course Coordinator", "Standard", DataCenter.EU, "Europe/Berlin");

    /** May view Books invoices but not create, send, void or record payments: the portal must hide those buttons. */
    public static final DemoUser NOAH = new DemoUser(60012345004L, "5725767000000284001", "Noah", "Williams",
            "noah.williams@zylkeracademy.com", "Admissions Assistant", "Standard", DataCenter.COM, "America/New_York");

    public static final List<DemoUser> ALL = List.of(PRIYA, DANIEL, AISHA, LUKAS, NOAH);

    /**
     * Someone with a Zoho account outside the academy (own domain, own CRM organization), so the portal's
     * "who may sign in" rule has someone to refuse. Not a member of the academy's CRM or Books organizations.
     */
    public static final DemoUser OUTSIDER = new DemoUser(70099887001L, "8812345000000281001", "Oscar", "Vance",
            "oscar.vance@northwind-tutors.example", "Tutor (outside the academy)", "Administrator", DataCenter.COM,
            "Europe/London");

    /** Everyone who can sign in at the sandbox: the academy's people and the outsider. */
    public static final List<DemoUser> SIGN_IN = List.of(PRIYA, DANIEL, AISHA, LUKAS, NOAH, OUTSIDER);

    private DemoUsers() {
    }

    /** Anyone who can sign in, the outsider included. */
    public static Optional<DemoUser> byEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return SIGN_IN.stream().filter(u -> u.email().equals(wanted)).findFirst();
    }

    public static boolean isOutsider(DemoUser user) {
        return OUTSIDER.equals(user);
    }

    /** The academy's CRM users of a data centre (never the outsider). */
    public static List<DemoUser> of(DataCenter dc) {
        return ALL.stream().filter(u -> u.dc() == dc).toList();
    }
}
