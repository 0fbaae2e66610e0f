package com.zylker.sandbox.books;

import com.zylker.sandbox.core.DemoUsers;
import com.zylker.sandbox.data.SeedData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic Books organizations. Dates are relative to the sandbox's "today" at reset, spread so that
 * every ageing bucket (current, 1–30, 31–60, 61–90, 90+ days overdue) has open invoices, and every status
 * appears. Some customer names and line descriptions carry markup, as Zoho data may.
 */
final class BooksSeed {

    static final String MAIN_ORG_ID = "810000001";
    static final String EUROPE_ORG_ID = "810000002";
    static final int MAIN_INVOICES = 260;
    static final int MAIN_CUSTOMERS = 45;
    static final int EUROPE_INVOICES = 40;
    static final int EUROPE_CUSTOMERS = 12;

    /** Books timestamps: offset without a colon, unlike CRM ({@code 2013-11-18T02:17:40-0800}). */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);

    private static final String[] COMPANIES = {"Northwind Logistics", "Acme Health", "Bluewave Bank",
            "Helios Energy", "Contoso Media", "Greenleaf Foods", "Orbit Telecom", "Zylker Retail",
            "Fabrikam Robotics", "Tailspin Aviation", "Litware Systems", "Proseware Learning"};
    private static final String[] FIRST = {"Meera", "Arjun", "Sofia", "Liam", "Ananya", "Fatima", "Ethan", "Chen",
            "Olivia", "Rahul", "Amara", "Lucas", "Yuki", "Hannah", "Omar"};
    private static final String[] LAST = {"Iyer", "Sharma", "Rossi", "O'Brien", "Nair", "Müller", "Haddad", "Walker",
            "Wei", "Bennett", "Gupta", "Okafor", "Dubois", "Tanaka", "Fischer"};
    private static final String[] PAYMENT_MODES = {"banktransfer", "creditcard", "check", "cash"};

    static final String HOSTILE_CUSTOMER = "Acme <img src=x onerror=alert('books')> Ltd";
    static final String HOSTILE_CUSTOMER_2 = "\"><svg onload=alert(document.domain)> Training";
    static final String HOSTILE_LINE = "Course materials <script>alert(\"invoice\")</script>";

    private BooksSeed() {
    }

    static List<BooksOrg> orgs(LocalDate today) {
        Map<String, BooksOrg.Role> main = new LinkedHashMap<>();
        main.put(DemoUsers.PRIYA.email(), BooksOrg.Role.STAFF);
        main.put(DemoUsers.DANIEL.email(), BooksOrg.Role.ADMIN);
        main.put(DemoUsers.AISHA.email(), BooksOrg.Role.ADMIN);
        main.put(DemoUsers.NOAH.email(), BooksOrg.Role.VIEW_ONLY);
        BooksOrg a = new BooksOrg(MAIN_ORG_ID, "Zylker Academy", "USD", "$", ZoneId.of("America/New_York"), "INV-",
                main, DemoUsers.DANIEL.email(), tax("810000001900001", "Sales Tax", "8.25"));
        fill(a, today, MAIN_CUSTOMERS, MAIN_INVOICES, 77L);
        BooksOrg b = new BooksOrg(EUROPE_ORG_ID, "Zylker Academy Europe", "EUR", "€", ZoneId.of("Europe/Berlin"),
                "EU-INV-", Map.of(DemoUsers.DANIEL.email(), BooksOrg.Role.ADMIN), null,
                tax("810000002900001", "VAT", "19.00"));
        fill(b, today, EUROPE_CUSTOMERS, EUROPE_INVOICES, 7777L);
        return List.of(a, b);
    }

    private static Map<String, Object> tax(String id, String name, String percentage) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("tax_id", id);
        t.put("tax_name", name);
        t.put("tax_percentage", new BigDecimal(percentage));
        return t;
    }

    static String timestamp(BooksOrg org, LocalDate date, int hour) {
        return TIMESTAMP.format(date.atTime(LocalTime.of(hour, 15, 0)).atZone(org.zone));
    }

    private static void fill(BooksOrg org, LocalDate today, int customers, int invoices, long seed) {
        Random random = new Random(seed);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String company = COMPANIES[i % COMPANIES.length];
            boolean business = i % 3 != 2;
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String name = business ? company + (i >= COMPANIES.length ? " " + (i / COMPANIES.length + 1) : "")
                    : first + " " + last;
            if (i == 7) {
                name = HOSTILE_CUSTOMER;
            } else if (i == 13) {
                name = HOSTILE_CUSTOMER_2;
            }
            String email = (ascii(first) + "." + ascii(last) + i).toLowerCase(Locale.ROOT) + "@example.com";
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("address", (100 + i) + " Market Street");
            address.put("city", org.currencyCode.equals("EUR") ? "Berlin" : "Austin");
            address.put("state", org.currencyCode.equals("EUR") ? "" : "TX");
            address.put("zip", org.currencyCode.equals("EUR") ? "10115" : "78701");
            address.put("country", org.currencyCode.equals("EUR") ? "Germany" : "U.S.A");
            Contact c = new Contact(org.nextId(), name, business ? name : "", email, "+1 512 555 " + (1000 + i),
                    business ? "business" : "individual", i % 4 == 0 ? Long.toString(5725767000000300001L + i * 7L) : null,
                    timestamp(org, today.minusDays(400 - i), 9), address);
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("contact_person_id", org.nextId());
            person.put("first_name", first);
            person.put("last_name", last);
            person.put("email", email);
            person.put("phone", c.phone);
            person.put("is_primary_contact", true);
            c.contactPersons.add(person);
            org.contacts.put(c.id, c);
            contacts.add(c);
        }
        for (int i = 0; i < invoices; i++) {
            addInvoice(org, random, i, contacts.get(i % contacts.size()), today);
        }
    }

    /** i % 20: 0–1 draft, 2 void, 3–7 paid, 8–9 partially paid, 10–19 sent/viewed; due dates by ageing bucket. */
    private static void addInvoice(BooksOrg org, Random random, int i, Contact customer, LocalDate today) {
        int kind = i % 20;
        int bucket = (i / 20 + i) % 5;
        LocalDate due = switch (bucket) {
            case 0 -> today.plusDays(random.nextInt(15));
            case 1 -> today.minusDays(1 + random.nextInt(30));
            case 2 -> today.minusDays(31 + random.nextInt(30));
            case 3 -> today.minusDays(61 + random.nextInt(30));
            default -> today.minusDays(91 + random.nextInt(120));
        };
        if (kind <= 1) {
            due = today.plusDays(5 + random.nextInt(20));
        }
        LocalDate date = due.minusDays(15);
        List<Invoice.Line> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int l = 0; l < count; l++) {
            String[] course = SeedDataCourses.pick(random);
            String description = i % 31 == 5 && l == 0 ? HOSTILE_LINE : "Tuition — " + course[0];
            boolean taxed = (i + l) % 2 == 0;
            lines.add(line(org, course[0], description, Money.of(course[1]), new BigDecimal(1 + random.nextInt(2)),
                    BigDecimal.ZERO, taxed));
        }
        String stored = kind <= 1 ? "draft" : kind == 2 ? "void" : i % 7 == 0 ? "viewed" : "sent";
        Invoice inv = new Invoice(org.nextId(), org.nextInvoiceNumber(), customer, date, due,
                i % 3 == 0 ? "PO-" + (4000 + i) : "", "Thank you for learning with Zylker Academy.",
                "Payable within 15 days.", lines, timestamp(org, date, 10), stored);
        inv.emailed = !stored.equals("draft");
        org.invoices.put(inv.id, inv);
        if (kind >= 3 && kind <= 9) {
            BigDecimal amount = kind <= 7 ? inv.total() : Money.round(inv.total().multiply(new BigDecimal("0.40")));
            LocalDate paid = date.plusDays(3 + random.nextInt(10));
            if (paid.isAfter(today)) {
                paid = today;
            }
            BooksOrg.Payment p = new BooksOrg.Payment(org.nextId(), org.nextPaymentNumber(), customer,
                    PAYMENT_MODES[i % PAYMENT_MODES.length], amount, paid, "TXN-" + (90000 + i), "",
                    List.of(inv.id), timestamp(org, paid, 11));
            org.payments.put(p.id(), p);
            inv.applied.add(new Invoice.Applied(p.id(), amount));
        }
    }

    static Invoice.Line line(BooksOrg org, String name, String description, BigDecimal rate, BigDecimal quantity,
                             BigDecimal discount, boolean taxed) {
        BigDecimal gross = rate.multiply(quantity);
        BigDecimal itemTotal = Money.round(gross.subtract(gross.multiply(discount).movePointLeft(2)));
        BigDecimal pct = taxed ? (BigDecimal) org.tax.get("tax_percentage") : BigDecimal.ZERO;
        BigDecimal taxAmount = Money.round(itemTotal.multiply(pct).movePointLeft(2));
        return new Invoice.Line(org.nextId(), null, name, description, rate, quantity, discount,
                taxed ? (String) org.tax.get("tax_id") : "", taxed ? (String) org.tax.get("tax_name") : "",
                pct, itemTotal, taxAmount);
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }

    /** The academy's courses and list prices, shared with the CRM seed so both products sell the same things. */
    static final class SeedDataCourses {
        private SeedDataCourses() {
        }

        static String[] pick(Random random) {
            String[] names = SeedData.COURSE_NAMES;
            int n = random.nextInt(names.length);
            return new String[] {names[n], SeedData.coursePrice(n)};
        }
    }
}
