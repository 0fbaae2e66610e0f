package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Books journeys in Chromium against the whole portal: an accounts officer with two organizations picks
 * one, creates an invoice with two lines, marks it sent, records a partial payment and the rest, and downloads
 * the PDF — the sandbox agreeing at every step; an invoice raised from a Closed Won deal (customer created in
 * Books once, reused after; the existing invoice shown first); hostile names inert; the view-only user's
 * read-only screens. Screenshots in target/screenshots/books-*.png.
 */
@ExtendWith({WholePortal.class, Browser.class})
class BooksBrowserIT {

    private static final String DANIEL = "daniel.brooks@zylkeracademy.com";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void fresh(RunningPortal portal) {
        portal.sandbox().reset();
    }

    @Test
    void anAccountsOfficerInvoicesAndIsPaidInTwoSteps(WebDriver browser, RunningPortal portal) throws Exception {
        signIn(browser, portal, "user-daniel-brooks");
        browser.get(portal.url("/books/").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("books-org-title")));
        browser.findElement(By.cssSelector("[data-org-id='810000001']")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("books-ageing-USD")));
        assertThat(browser.findElement(By.id("books-org-name")).getText()).isEqualTo("Zylker Academy");
        assertThat(browser.findElements(By.cssSelector("#books-ageing-USD rect"))).hasSize(5);
        Browser.screenshot(browser, "books-invoices-ageing");

        browser.findElement(By.id("books-new")).click();
        WebElement customer = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("invoice-form:customer_input")));
        customer.sendKeys("Northwind");
        // The suggestion whose name cell is exactly the customer ("Northwind Logistics 2", "… 3" exist too).
        WebElement item = wait(browser).until(d -> d.findElements(By.cssSelector(".ui-autocomplete-item")).stream()
                .filter(e -> !e.findElements(By.tagName("td")).isEmpty()
                        && e.findElements(By.tagName("td")).get(0).getText().strip().equals("Northwind Logistics"))
                .findFirst().orElse(null));
        item.click();
        type(browser, "invoice-form:line:0:line-description", "Java Bootcamp — spring term");
        type(browser, "invoice-form:line:0:line-quantity", "2");
        type(browser, "invoice-form:line:0:line-rate", "450");
        browser.findElement(By.id("invoice-form:add-line")).click();
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("invoice-form:line:1:line-description")));
        type(browser, "invoice-form:line:1:line-description", "Course materials");
        type(browser, "invoice-form:line:1:line-rate", "75.50");
        wait(browser).until(d -> d.findElement(By.id("invoice-form:total")).getText().contains("975.50"));
        Browser.screenshot(browser, "books-new-invoice");
        browser.findElement(By.id("invoice-form:save")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-created")));
        String id = browser.getCurrentUrl().replaceAll(".*id=([0-9]+).*", "$1");
        SandboxBooks books = new SandboxBooks(portal, DANIEL);
        assertThat(books.invoice(id).getString("status")).isEqualTo("draft");
        assertThat(books.invoice(id).getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("975.50");
        assertThat(books.invoice(id).getString("customer_name")).isEqualTo("Northwind Logistics");

        click(browser, "actions-form:mark-sent");
        waitForStatus(browser, "Sent");
        assertThat(books.invoice(id).getString("status")).isEqualTo("sent");

        click(browser, "actions-form:email-open");
        wait(browser).until(d -> d.findElement(By.id("email-form:email-subject")).getAttribute("value").contains("INV-"));
        assertThat(browser.findElement(By.id("email-form:email-to")).getAttribute("value")).contains("@example.com");
        click(browser, "email-form:email-send");
        wait(browser).until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains("Emailed to")));
        assertThat(books.invoice(id).getBoolean("is_emailed")).isTrue();
        wait(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("email-dialog")));

        click(browser, "actions-form:payment-open");
        WebElement amount = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("payment-form:payment-amount")));
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "400.00");
        click(browser, "payment-form:payment-save");
        waitForStatus(browser, "Partially paid");
        assertThat(balanceShown(browser)).isEqualByComparingTo("575.50");
        assertThat(books.invoice(id).getString("status")).isEqualTo("partially_paid");
        assertThat(books.invoice(id).getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("575.50");

        wait(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("payment-dialog")));
        click(browser, "actions-form:payment-open");
        wait(browser).until(d -> "575.50".equals(d.findElement(By.id("payment-form:payment-amount")).getAttribute("value")));
        click(browser, "payment-form:payment-save");
        waitForStatus(browser, "Paid");
        assertThat(balanceShown(browser)).isEqualByComparingTo("0");
        assertThat(books.invoice(id).getString("status")).isEqualTo("paid");
        assertThat(browser.findElements(By.cssSelector("#invoice-payments .books-payment"))).hasSize(2);
        Browser.screenshot(browser, "books-invoice-detail");

        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(
                        browser.findElement(By.id("invoice-pdf")).getAttribute("href")))
                .header("Cookie", "ZYSESSION=" + browser.manage().getCookieNamed("ZYSESSION").getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aWonEnrolmentIsInvoicedOnceUnlessTheUserInsists(WebDriver browser, RunningPortal portal) {
        signIn(browser, portal, "user-daniel-brooks");
        chooseMainOrganization(browser, portal);
        browser.get(portal.url("/home").toString());
        wait(browser).until(d -> "loaded".equals(d.findElement(By.id("home-books-body")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("home-books-body")).getText()).contains("Zylker Academy").contains("Outstanding")
                .contains("Overdue");
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of("*/books/api/summary*")));
        try {
            browser.navigate().refresh();
            wait(browser).until(d -> "not-available".equals(d.findElement(By.id("home-books-body")).getAttribute("data-state")));
            wait(browser).until(d -> "loaded".equals(d.findElement(By.id("home-summary-body")).getAttribute("data-state")));
        } finally {
            chrome.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of()));
        }
        String deal = closedWonDeal(portal);
        browser.get(portal.url("/crm/?owner=all&closing=any").toString());
        WebElement raise = wait(browser).until(d -> d.findElements(By.cssSelector("a[href*='invoice-new?deal=" + deal + "']"))
                .stream().findFirst().orElse(null));
        String raiseLink = raise.getAttribute("href");
        SandboxControl sandbox = portal.sandbox();
        long crmDeal = sandbox.userCalls(DANIEL, "GET /crm/v8/Deals/{id}");
        long crmContact = sandbox.userCalls(DANIEL, "GET /crm/v8/Contacts/{id}");
        long booksContacts = sandbox.userCalls(DANIEL, "GET /books/v3/contacts");
        long booksInvoices = sandbox.userCalls(DANIEL, "GET /books/v3/invoices");
        browser.get(raiseLink);
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("new-deal-customer")));
        assertThat(new long[] {sandbox.userCalls(DANIEL, "GET /crm/v8/Deals/{id}") - crmDeal,
                sandbox.userCalls(DANIEL, "GET /crm/v8/Contacts/{id}") - crmContact,
                sandbox.userCalls(DANIEL, "GET /books/v3/contacts") - booksContacts,
                sandbox.userCalls(DANIEL, "GET /books/v3/invoices") - booksInvoices})
                .as("the deal page: the deal and its contact from CRM, the customer by email and the deal's invoices from Books")
                .containsExactly(1, 1, 1, 1);
        assertThat(browser.findElement(By.id("new-deal-customer")).getText()).contains("created in Zoho Books when you save");
        assertThat(browser.findElement(By.id("invoice-form:line:0:line-description")).getAttribute("value")).startsWith("Tuition — ");
        long contactsBefore = portal.sandbox().counter("calls_by_path", "POST /books/v3/contacts");
        click(browser, "invoice-form:save");
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-created")));
        assertThat(browser.findElement(By.id("invoice-reference")).getText()).contains("CRM-DEAL-" + deal);
        String first = browser.getCurrentUrl().replaceAll(".*id=([0-9]+).*", "$1");
        assertThat(portal.sandbox().counter("calls_by_path", "POST /books/v3/contacts") - contactsBefore)
                .as("the customer was created in Books").isEqualTo(1);

        browser.get(raiseLink);
        WebElement existing = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("new-existing-link")));
        assertThat(existing.getAttribute("href")).endsWith("id=" + first);
        assertThat(browser.findElements(By.id("invoice-form:save"))).as("the existing invoice comes first").isEmpty();
        assertThat(browser.findElement(By.id("new-deal-customer")).getText()).doesNotContain("created in Zoho Books");
        click(browser, "existing-form:new-second");
        click(browser, "invoice-form:save");
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-created")));
        assertThat(browser.getCurrentUrl()).doesNotContain("id=" + first);
        assertThat(portal.sandbox().counter("calls_by_path", "POST /books/v3/contacts") - contactsBefore)
                .as("the customer was reused").isEqualTo(1);
        assertThat(new SandboxBooks(portal, DANIEL).search("CRM-DEAL-" + deal)).hasSize(2);
    }

    @Test
    void hostileNamesAndDescriptionsStayText(WebDriver browser, RunningPortal portal) {
        signIn(browser, portal, "user-daniel-brooks");
        chooseMainOrganization(browser, portal);
        browser.get(portal.url("/books/?q=Acme").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".books-customer")));
        assertThat(browser.findElements(By.cssSelector(".books-customer")).stream().map(WebElement::getText))
                .contains("Acme <img src=x onerror=alert('books')> Ltd");
        assertThat(alertAppears(browser)).as("no handler from a customer name ran").isFalse();

        String hostileLine = new SandboxBooks(portal, DANIEL).search("INV-000006").get(0).getString("invoice_id");
        browser.get(portal.url("/books/invoice?id=" + hostileLine).toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-lines")));
        assertThat(browser.findElement(By.id("invoice-lines")).getText()).contains("<script>alert(\"invoice\")</script>");
        assertThat(alertAppears(browser)).as("no script from a line description ran").isFalse();

        browser.get(portal.url("/books/invoice-new").toString());
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("invoice-form:customer_input"))).sendKeys("Training");
        wait(browser).until(d -> d.findElements(By.cssSelector(".ui-autocomplete-item")).stream()
                .anyMatch(e -> e.getText().contains("<svg onload=alert(document.domain)> Training")));
        assertThat(alertAppears(browser)).as("no handler from a suggestion ran").isFalse();

        ((JavascriptExecutor) browser).executeScript("setTimeout(function () { alert('control'); }, 0);");
        assertThat(alertAppears(browser)).as("positive control: the detector sees a script that runs").isTrue();
    }

    @Test
    void aViewOnlyUsersFirstWriteIsRefusedAndHisScreensTurnReadOnly(WebDriver browser, RunningPortal portal) {
        signIn(browser, portal, "user-noah-williams");
        String draft = new SandboxBooks(portal, "noah.williams@zylkeracademy.com").invoices("Status.Draft").get(0)
                .getString("invoice_id");
        browser.get(portal.url("/books/invoice?id=" + draft).toString());
        click(browser, "actions-form:mark-sent");
        wait(browser).until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains("your Books role does not allow it")));
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-read-only")));
        assertThat(browser.findElements(By.id("actions-form:mark-sent"))).isEmpty();
        Browser.screenshot(browser, "books-read-only");
        browser.get(portal.url("/books/").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("books-read-only")));
        assertThat(browser.findElements(By.id("books-new"))).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static void signIn(WebDriver browser, RunningPortal portal, String userButton) {
        browser.get(portal.base().toString());
        browser.manage().deleteAllCookies();
        browser.get(portal.url("/login").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id(userButton))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept"))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("home-user-name")));
    }

    private static void chooseMainOrganization(WebDriver browser, RunningPortal portal) {
        browser.get(portal.url("/books/organization?return=%2Fbooks%2F").toString());
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-org-id='810000001']"))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("books-title")));
    }

    /** A Closed Won deal, from CRM as the sandbox holds it. */
    private static String closedWonDeal(RunningPortal portal) {
        SandboxBooks any = new SandboxBooks(portal, DANIEL);
        JsonObject deals = any.crm("/crm/v8/Deals?fields=Stage,Deal_Name&per_page=200&page=1");
        return deals.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(d -> "Closed Won".equals(d.getString("Stage"))).findFirst().orElseThrow().getString("id");
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement e = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static void click(WebDriver browser, String id) {
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void waitForStatus(WebDriver browser, String status) {
        wait(browser).until(d -> d.findElement(By.cssSelector("#invoice-status .zy-badge")).getText().equals(status));
    }

    private static BigDecimal balanceShown(WebDriver browser) {
        return new BigDecimal(browser.findElement(By.id("invoice-balance")).getAttribute("data-amount"));
    }

    private static boolean alertAppears(WebDriver browser) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent()).dismiss();
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    @SuppressWarnings("unused")
    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
