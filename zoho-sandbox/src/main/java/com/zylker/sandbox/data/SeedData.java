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
 * Times are anchored to a fixed date, not to "now", for the same reason.
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

    private static final String[][] COURSES = {
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
    private static final String[] EMPLOYERS = {"Zylker Retail", "Northwind Logistics", "Acme Health",
            "Bluewave Bank", "Helios Energy", "Contoso Media", "Greenleaf Foods", "Orbit Telecom"};
    private static final String[] LEAD_SOURCES = {"Web Site", "Advertisement", "Employee Referral",
            "External Referral", "Partner", "Seminar Partner", "Chat", "Trade Show", "Facebook", "Cold Call"};
    private static final String[] LEAD_STATUSES = {"Not Contacted", "Attempted to Contact", "Contact in Future",
            "Contacted", "Pre-Qualified", "Not Qualified", "Junk Lead", "Lost Lead"};
    private static final String[] NEXT_STEPS = {"Send course brochure", "Schedule advisor call",
            "Share payment plan", "Confirm start date", "Collect enrolment form", "Follow up on employer funding",
            "None"};
    private static final String[] CITIES_COM = {"Chennai", "Austin", "Toronto", "London", "Bengaluru", "Seattle"};
    private static final String[] CITIES_EU = {"Berlin", "Munich", "Vienna", "Zurich", "Amsterdam", "Lyon"};

    private SeedData() {
    }

    /** A fresh org for the DC: com and eu carry data, the other DCs start empty. */
    public static OrgData orgFor(DataCenter dc) {
        return switch (dc) {
            case COM -> build(dc, 5725767000000000000L, COM_LEADS, COM_DEALS, 42L);
            case EU -> build(dc, 2046518000000000000L, EU_LEADS, EU_DEALS, 4242L);
            default -> new OrgData(dc, 7000000000000000000L + dc.ordinal() * 100_000_000_000L);
        };
    }

    private static OrgData build(DataCenter dc, long idBase, int leads, int deals, long seed) {
        Random random = new Random(seed);
        OrgData org = new OrgData(dc, idBase);
        List<DemoUser> owners = DemoUsers.of(dc);
        String[] cities = dc == DataCenter.EU ? CITIES_EU : CITIES_COM;
        String domain = dc == DataCenter.EU ? "example.eu" : "example.com";

        Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
        for (int i = 0; i < EMPLOYERS.length; i++) {
            accounts.put(EMPLOYERS[i], Map.of("name", EMPLOYERS[i], "id", Long.toString(idBase + 700_000L + i * 7 + 1)));
        }
        accounts.put("Self-funded", Map.of("name", "Self-funded", "id", Long.toString(idBase + 799_000L)));
        List<String> accountNames = new ArrayList<>(accounts.keySet());

        for (int i = 0; i < leads; i++) {
            addLead(org, random, i, owners, cities, domain);
        }

        // Contacts are the enrolled students; deals point at them. Some students take a second course.
        List<Map<String, Object>> contacts = new ArrayList<>();
        int contactCount = Math.max(1, deals * 4 / 5);
        for (int i = 0; i < contactCount; i++) {
            Person p = person(random, i + 10_000, domain);
            Instant created = ANCHOR.plusSeconds(i * 3_217L + random.nextInt(3_000));
            DemoUser owner = owners.get(random.nextInt(owners.size()));
            String account = accountNames.get(random.nextInt(accountNames.size()));
            Map<String, Object> c = record(org.nextId(Module.CONTACTS), owner, created);
            c.put("First_Name", p.first);
            c.put("Last_Name", p.last);
            c.put("Full_Name", p.first + " " + p.last);
            c.put("Email", p.email);
            c.put("Phone", phone(random, dc));
            c.put("Mailing_City", cities[random.nextInt(cities.length)]);
            c.put("Account_Name", accounts.get(account));
            c.put("Lead_Source", LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]);
            org.add(Module.CONTACTS, c);
            contacts.add(c);
        }

        List<String> stages = new ArrayList<>(DealStages.PROBABILITY.keySet());
        for (int i = 0; i < deals; i++) {
            Map<String, Object> contact = contacts.get(i % contacts.size());
            String[] course = COURSES[random.nextInt(COURSES.length)];
            // Cycling through the stages guarantees every standard stage appears; the jitter keeps it lifelike.
            String stage = stages.get((i + random.nextInt(2)) % stages.size());
            long amount = Long.parseLong(course[1]) - 100L * random.nextInt(4);
            int probability = DealStages.PROBABILITY.get(stage);
            Instant created = ANCHOR.plusSeconds(i * 2_903L + random.nextInt(2_000));
            DemoUser owner = owners.get(random.nextInt(owners.size()));
            Map<String, Object> d = record(org.nextId(Module.DEALS), owner, created);
            d.put("Deal_Name", contact.get("Full_Name") + " — " + course[0]);
            d.put("Stage", stage);
            d.put("Amount", amount);
            d.put("Closing_Date", LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(14 + random.nextInt(90)).toString());
            d.put("Account_Name", contact.get("Account_Name"));
            d.put("Contact_Name", Map.of("name", contact.get("Full_Name"), "id", contact.get("id")));
            d.put("Probability", probability);
            d.put("Expected_Revenue", amount * probability / 100);
            d.put("Pipeline", "Standard");
            d.put("Type", random.nextInt(4) == 0 ? "Existing Business" : "New Business");
            d.put("Lead_Source", contact.get("Lead_Source"));
            d.put("Next_Step", stage.startsWith("Closed") ? null : NEXT_STEPS[random.nextInt(NEXT_STEPS.length)]);
            d.put("Description", "Enrolment in " + course[0]);
            org.add(Module.DEALS, d);
        }
        return org;
    }

    /**
     * Adds {@code count} more generated leads, e.g. to push the Leads module past the 2,000 records that
     * {@code page} can reach. Deterministic for a given org size and count.
     */
    public static void addBulkLeads(OrgData org, int count) {
        Random random = new Random(1_000_003L * (org.count(Module.LEADS) + 1) + count);
        List<DemoUser> owners = DemoUsers.of(org.dc());
        if (owners.isEmpty()) {
            owners = List.of(DemoUsers.AISHA);
        }
        String[] cities = org.dc() == DataCenter.EU ? CITIES_EU : CITIES_COM;
        int start = org.count(Module.LEADS);
        for (int i = 0; i < count; i++) {
            addLead(org, random, start + i, owners, cities, "bulk.example.org");
        }
    }

    private static void addLead(OrgData org, Random random, int i, List<DemoUser> owners, String[] cities,
                                String domain) {
        Person p = person(random, i, domain);
        String course = COURSES[random.nextInt(COURSES.length)][0];
        Instant created = ANCHOR.plusSeconds(i * 1_801L + random.nextInt(1_500));
        Map<String, Object> lead = record(org.nextId(Module.LEADS), owners.get(random.nextInt(owners.size())), created);
        lead.put("First_Name", p.first);
        lead.put("Last_Name", p.last);
        lead.put("Full_Name", p.first + " " + p.last);
        lead.put("Email", p.email);
        lead.put("Phone", phone(random, org.dc()));
        lead.put("Company", random.nextInt(3) == 0 ? null : EMPLOYERS[random.nextInt(EMPLOYERS.length)]);
        lead.put("Lead_Source", LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]);
        lead.put("Lead_Status", LEAD_STATUSES[random.nextInt(LEAD_STATUSES.length)]);
        lead.put("City", cities[random.nextInt(cities.length)]);
        lead.put("Description", "Enquiry about " + course);
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
