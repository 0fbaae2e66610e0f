package com.zylker.sandbox.data;

import com.zylker.sandbox.core.DataCenter;
import com.zylker.sandbox.core.DemoUser;
import com.zylker.sandbox.core.DemoUsers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds each org's records from a fixed seed, so every start (and every {@code /control/reset}) shows the
 * same students, enrolments and enquiries: screenshots, demos and tests can name records.
 * Created times are anchored to a fixed date; closing dates are relative to the sandbox's "today" at reset,
 * so "this month" and "overdue" views always have data. A few names, companies and descriptions carry markup
 * and script ({@link #HOSTILE}), because Zoho data is typed by people and must be escaped wherever shown.
 */
public final class SeedData {

    /** Zoho prints date-times with an offset, e.g. {@code 2025-03-04T10:15:00+00:00}. */
    public static final DateTimeFormatter ZOHO_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final Instant ANCHOR = Instant.parse("2025-01-06T09:00:00Z");

    public static final int COM_LEADS = 160;
    public static final int COM_DEALS = 260;
    public static final int EU_LEADS = 30;
    public static final int EU_DEALS = 40;

    /** The markup seeded into names, companies and descriptions; a page that shows data must escape them. */
    public static final List<String> HOSTILE = List.of("<img src=x onerror=alert('zylker')>",
            "\"><svg onload=alert(document.domain)>", "<script>alert(\"lead\")</script>");

    /** Every {@value}th com deal is in a Blueprint: its Stage changes only through the Blueprint transition. */
    public static final int BLUEPRINT_EVERY = 20;

    static final String[][] COURSES = {
            {"Full-Stack Java Bootcamp", "4800"}, {"Data Analytics with Python", "3200"},
            {"Cloud Practitioner", "1500"}, {"UX Design Foundations", "2100"},
            {"Machine Learning Essentials", "3900"}, {"Cybersecurity Fundamentals", "2600"},
            {"Agile Project Management", "1800"}, {"DevOps with Kubernetes", "3500"},
            {"Front-End Development with React", "2900"}, {"SQL for Business Analysts", "1200"}};
    private static final String[] FIRST = {"Meera", "Arjun", "Sofia", "Liam", "Ananya", "Noah", "Fatima", "Ethan",
            "Chen", "Olivia", "Rahul", "Amara", "Lucas", "Yuki", "Hannah", "Omar", "Isabella", "Kwame", "Elena",
            "Vikram", "Grace", "Mateo", "Zara", "Samuel", "Nadia", "Tomás", "Aditi", "Jonas", "Leila", "Ben"};
    private static final String[] LAST = {"Iyer", "Sharma", "Rossi", "O'Brien", "Nair", "Müller", "Haddad",
            "Walker", "Wei", "Bennett", "Gupta", "Okafor", "Dubois", "Tanaka", "Fischer", "Farouk", "García",
            "Mensah", "Petrova", "Reddy", "Thompson", "Silva", "Ahmed", "Cohen", "Kowalski", "Lindqvist",
            "Menon", "Novak", "Rahimi", "Clarke"};
    static final String[] EMPLOYERS = {"Zylker Retail", "Northwind Logistics", "Acme Health",
            "Bluewave Bank", "Helios Energy", "Contoso Media", "Greenleaf Foods", "Orbit Telecom",
            "Acme " + "<img src=x onerror=alert('zylker')>" + " Corp", "\"><svg onload=alert(document.domain)> Institute"};
    public static final String[] LEAD_SOURCES = {"Web Site", "Advertisement", "Employee Referral",
            "External Referral", "Partner", "Seminar Partner", "Chat", "Trade Show", "Facebook", "Cold Call"};
    /** The list price of course {@code n} of {@link #COURSE_NAMES}. */
    public static String coursePrice(int n) {
        return COURSES[n][1];
    }

    public static final String[] COURSE_NAMES = java.util.Arrays.stream(COURSES).map(c -> c[0]).toArray(String[]::new);
    public static final String[] LEAD_STATUSES = {"Not Contacted", "Attempted to Contact", "Contact in Future",
            "Contacted", "Pre-Qualified", "Not Qualified", "Junk Lead", "Lost Lead"};
    private static final String[] NEXT_STEPS = {"Send course brochure", "Schedule advisor call",
            "Share payment plan", "Confirm start date", "Collect enrolment form", "Follow up on employer funding",
            "None"};
    private static final String[] CITIES_COM = {"Chennai", "Austin", "Toronto", "London", "Bengaluru", "Seattle"};
    private static final String[] CITIES_EU = {"Berlin", "Munich", "Vienna", "Zurich", "Amsterdam", "Lyon"};

    private SeedData() {
    }

    /** A fresh org for the DC as of {@code today} (the sandbox clock's date): com and eu carry data. */
    public static OrgData orgFor(DataCenter dc, LocalDate today) {
        return switch (dc) {
            case COM -> build(dc, 5725767000000000000L, COM_LEADS, COM_DEALS, 42L, today);
            case EU -> build(dc, 2046518000000000000L, EU_LEADS, EU_DEALS, 4242L, today);
            default -> new OrgData(dc, 7000000000000000000L + dc.ordinal() * 100_000_000_000L);
        };
    }

    /**
     * Who owns what: in com, Priya (the course coordinator) owns most open deals, so "my deals" has data;
     * Noah (admissions) owns leads but no deals.
     */
    static List<DemoUser> dealOwners(DataCenter dc) {
        if (dc == DataCenter.COM) {
            return List.of(DemoUsers.PRIYA, DemoUsers.PRIYA, DemoUsers.PRIYA, DemoUsers.DANIEL, DemoUsers.AISHA);
        }
        List<DemoUser> owners = DemoUsers.of(dc);
        return owners.isEmpty() ? List.of(DemoUsers.AISHA) : owners;
    }

    static List<DemoUser> leadOwners(DataCenter dc) {
        if (dc == DataCenter.COM) {
            return List.of(DemoUsers.PRIYA, DemoUsers.PRIYA, DemoUsers.NOAH, DemoUsers.AISHA);
        }
        return dealOwners(dc);
    }

    private static OrgData build(DataCenter dc, long idBase, int leads, int deals, long seed, LocalDate today) {
        Random random = new Random(seed);
        OrgData org = new OrgData(dc, idBase);
        String[] cities = dc == DataCenter.EU ? CITIES_EU : CITIES_COM;
        String domain = dc == DataCenter.EU ? "example.eu" : "example.com";

        for (int i = 0; i < leads; i++) {
            addLead(org, random, i, leadOwners(dc), cities, domain);
        }

        // Contacts are the enrolled students; deals point at them. Some students take a second course.
        List<Map<String, Object>> contacts = new ArrayList<>();
        int contactCount = Math.max(1, deals * 4 / 5);
        List<Map<String, Object>> accounts = accounts(idBase);
        List<DemoUser> owners = dealOwners(dc);
        for (int i = 0; i < contactCount; i++) {
            Person p = person(random, i + 10_000, domain);
            Instant created = ANCHOR.plusSeconds(i * 3_217L + random.nextInt(3_000));
            DemoUser owner = owners.get(random.nextInt(owners.size()));
            Map<String, Object> c = record(org.nextId(Module.CONTACTS), owner, created);
            c.put("First_Name", p.first);
            c.put("Last_Name", p.last);
            c.put("Full_Name", p.first + " " + p.last);
            c.put("Email", p.email);
            c.put("Phone", phone(random, dc));
            c.put("Mailing_City", cities[random.nextInt(cities.length)]);
            c.put("Account_Name", accounts.get(random.nextInt(accounts.size())));
            c.put("Lead_Source", LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]);
            org.add(Module.CONTACTS, c);
            contacts.add(c);
        }
        for (int i = 0; i < deals; i++) {
            addDeal(org, random, i, contacts.get(i % contacts.size()), owners, today, dc == DataCenter.COM);
        }
        return org;
    }

    private static List<Map<String, Object>> accounts(long idBase) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 0; i < EMPLOYERS.length; i++) {
            accounts.add(Map.of("name", EMPLOYERS[i], "id", Long.toString(idBase + 700_000L + i * 7 + 1)));
        }
        accounts.add(Map.of("name", "Self-funded", "id", Long.toString(idBase + 799_000L)));
        return accounts;
    }

    private static void addDeal(OrgData org, Random random, int i, Map<String, Object> contact, List<DemoUser> owners,
                                LocalDate today, boolean blueprints) {
        List<String> stages = DealStages.PIPELINES.get(DealStages.STANDARD_PIPELINE);
        String[] course = COURSES[random.nextInt(COURSES.length)];
        // Cycling through the stages guarantees every standard stage appears; the jitter keeps it lifelike.
        String stage = stages.get((i + random.nextInt(2)) % stages.size());
        long amount = Long.parseLong(course[1]) - 100L * random.nextInt(4);
        int probability = DealStages.PROBABILITY.get(stage);
        Instant created = ANCHOR.plusSeconds(i * 2_903L + random.nextInt(2_000));
        DemoUser owner = owners.get(random.nextInt(owners.size()));
        Map<String, Object> d = record(org.nextId(Module.DEALS), owner, created);
        String name = contact.get("Full_Name") + " — " + course[0];
        if (i % 37 == 11) {
            name = name + " " + HOSTILE.get(i % HOSTILE.size());
        }
        d.put("Deal_Name", name);
        d.put("Stage", stage);
        d.put("Amount", amount);
        d.put("Closing_Date", closingDate(random, i, stage, today).toString());
        d.put("Account_Name", contact.get("Account_Name"));
        d.put("Contact_Name", Map.of("name", contact.get("Full_Name"), "id", contact.get("id")));
        d.put("Probability", probability);
        d.put("Expected_Revenue", amount * probability / 100);
        d.put("Pipeline", DealStages.STANDARD_PIPELINE);
        d.put("Type", random.nextInt(4) == 0 ? "Existing Business" : "New Business");
        d.put("Lead_Source", contact.get("Lead_Source"));
        d.put("Next_Step", stage.startsWith("Closed") ? null : NEXT_STEPS[random.nextInt(NEXT_STEPS.length)]);
        d.put("Description", i % 41 == 17 ? "Enrolment in " + course[0] + " " + HOSTILE.get(2) : "Enrolment in " + course[0]);
        // Zoho marks records under a Blueprint with $process_flow; their Stage is changed only by a transition.
        d.put("$process_flow", blueprints && DealStages.isOpen(stage) && i % BLUEPRINT_EVERY == 3);
        org.add(Module.DEALS, d);
    }

    /**
     * Closed deals closed in the past; open ones spread over overdue, this month, this quarter and later.
     * One draw with a fixed bound per deal, so the random sequence (and every later deal) is the same
     * whatever "today" is.
     */
    private static LocalDate closingDate(Random random, int i, String stage, LocalDate today) {
        int r = random.nextInt(1 << 20);
        if (!DealStages.isOpen(stage)) {
            return today.minusDays(1 + r % 120);
        }
        return switch (i % 4) {
            case 0 -> today.minusDays(1 + r % 45);
            case 1 -> today.withDayOfMonth(1).plusDays(r % today.lengthOfMonth());
            case 2 -> today.plusDays(r % 90);
            default -> today.plusDays(90 + r % 180);
        };
    }

    /**
     * Adds {@code count} more generated leads, e.g. to push the Leads module past the 2,000 records that
     * {@code page} can reach. Deterministic for a given org size and count.
     */
    public static void addBulkLeads(OrgData org, int count) {
        Random random = new Random(1_000_003L * (org.count(Module.LEADS) + 1) + count);
        String[] cities = org.dc() == DataCenter.EU ? CITIES_EU : CITIES_COM;
        int start = org.count(Module.LEADS);
        for (int i = 0; i < count; i++) {
            addLead(org, random, start + i, leadOwners(org.dc()), cities, "bulk.example.org");
        }
    }

    /** Adds {@code count} generated deals (e.g. a 2,500-deal board), each with a new student contact. */
    public static void addBulkDeals(OrgData org, int count, LocalDate today) {
        Random random = new Random(2_000_003L * (org.count(Module.DEALS) + 1) + count);
        int start = org.count(Module.DEALS);
        List<Map<String, Object>> accounts = accounts(org.idBase());
        List<DemoUser> owners = dealOwners(org.dc());
        for (int i = 0; i < count; i++) {
            Person p = person(random, start + i + 500_000, "bulk.example.org");
            Map<String, Object> c = record(org.nextId(Module.CONTACTS), owners.get(random.nextInt(owners.size())),
                    ANCHOR.plusSeconds((start + i) * 1_013L));
            c.put("First_Name", p.first);
            c.put("Last_Name", p.last);
            c.put("Full_Name", p.first + " " + p.last);
            c.put("Email", p.email);
            c.put("Account_Name", accounts.get(random.nextInt(accounts.size())));
            c.put("Lead_Source", LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]);
            org.add(Module.CONTACTS, c);
            addDeal(org, random, start + i, c, owners, today, false);
        }
    }

    private static void addLead(OrgData org, Random random, int i, List<DemoUser> owners, String[] cities,
                                String domain) {
        Person p = person(random, i, domain);
        String course = COURSES[random.nextInt(COURSES.length)][0];
        Instant created = ANCHOR.plusSeconds(i * 1_801L + random.nextInt(1_500));
        Map<String, Object> lead = record(org.nextId(Module.LEADS), owners.get(random.nextInt(owners.size())), created);
        String last = i % 43 == 7 ? p.last + HOSTILE.get(1) : p.last;
        lead.put("First_Name", p.first);
        lead.put("Last_Name", last);
        lead.put("Full_Name", p.first + " " + last);
        lead.put("Email", p.email);
        lead.put("Phone", phone(random, org.dc()));
        String company = random.nextInt(3) == 0 ? null : EMPLOYERS[random.nextInt(EMPLOYERS.length)];
        lead.put("Company", i % 43 == 21 ? "Zylker " + HOSTILE.get(0) + " Ltd" : company);
        lead.put("Lead_Source", LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]);
        lead.put("Lead_Status", LEAD_STATUSES[random.nextInt(LEAD_STATUSES.length)]);
        lead.put("Course_of_Interest", course);
        lead.put("City", cities[random.nextInt(cities.length)]);
        lead.put("Description", i % 43 == 30 ? "Enquiry about " + course + " " + HOSTILE.get(2) : "Enquiry about " + course);
        org.add(Module.LEADS, lead);
    }

    private record Person(String first, String last, String email) {
    }

    private static Person person(Random random, int n, String domain) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String local = (ascii(first) + "." + ascii(last)).toLowerCase(Locale.ROOT) + n;
        return new Person(first, last, local + "@" + domain);
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "");
    }

    private static String phone(Random random, DataCenter dc) {
        String prefix = dc == DataCenter.EU ? "+49 30 " : "+1 512 ";
        return prefix + (5550000 + random.nextInt(9999));
    }

    private static Map<String, Object> record(String id, DemoUser owner, Instant created) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("Owner", ownerLookup(owner));
        String time = ZOHO_DATE_TIME.format(created);
        r.put("Created_Time", time);
        r.put("Modified_Time", time);
        r.put("Created_By", userLookup(owner));
        r.put("Modified_By", userLookup(owner));
        return r;
    }

    public static Map<String, Object> ownerLookup(DemoUser user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", user.displayName());
        m.put("id", user.crmUserId());
        m.put("email", user.email());
        return m;
    }

    public static Map<String, Object> userLookup(DemoUser user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", user.displayName());
        m.put("id", user.crmUserId());
        return m;
    }
}
