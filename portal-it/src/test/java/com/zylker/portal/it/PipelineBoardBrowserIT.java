package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The enrolment pipeline board as a course coordinator uses it, in Chromium against the whole portal: the
 * figures equal what the test computes from the sandbox's own records; a deal moves by drag and drop and by
 * the keyboard's "Move to…", and stays moved; CRM's refusals (Blueprint, changed meanwhile) put the card back
 * with a message; hostile names stay text.
 */
@ExtendWith({Browser.class, WholePortal.class})
class PipelineBoardBrowserIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final List<String> STAGES = List.of("Qualification", "Needs Analysis", "Value Proposition",
            "Id. Decision Makers", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
            "Closed Lost to Competition");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void signIn(WebDriver browser, RunningPortal portal) {
        portal.sandbox().reset();
        browser.get(portal.base().toString());
        browser.manage().deleteAllCookies();
        browser.get(portal.url("/login").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-priya-raman"))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept"))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("home-user-name")));
    }

    @Test
    void figuresMatchCrmAndADragAndAKeyboardMoveStick(WebDriver browser, RunningPortal portal) {
        openBoard(browser, portal, "owner=all");
        assertThat(portal.sandbox().userCalls(PRIYA, "GET /crm/v8/Deals")).as("the board never reads every deal page by page")
                .isZero();
        assertThat(portal.sandbox().userCalls(PRIYA, "POST /crm/v8/coql")).as("260 deals: one COQL query (and one"
                + " for the dashboard's summary at sign-in)").isEqualTo(2);
        Map<String, Figures> expected = figuresFromTheSandbox(portal);
        for (String stage : STAGES) {
            Figures shown = shown(browser, stage);
            assertThat(shown).as("column %s", stage).isEqualTo(expected.getOrDefault(stage, Figures.NONE));
        }
        Browser.screenshot(browser, "pipeline-board");

        // Drag and drop: the first movable card of Qualification onto Needs Analysis.
        WebElement card = firstMovableCard(browser, portal, "Qualification");
        String dealId = card.getAttribute("data-deal");
        BigDecimal amount = new BigDecimal(card.getAttribute("data-amount"));
        new Actions(browser).clickAndHold(card).moveByOffset(10, 10)
                .moveToElement(column(browser, "Needs Analysis")).moveByOffset(0, 5).release().perform();
        waitForGrowl(browser, "moved to");
        assertThat(dealStageInSandbox(portal, dealId)).isEqualTo("Needs Analysis");
        assertThat(shown(browser, "Needs Analysis").total()).as("totals updated without a reload")
                .isEqualByComparingTo(expected.get("Needs Analysis").total().add(amount));

        browser.navigate().refresh();
        waitForBoard(browser);
        assertThat(column(browser, "Needs Analysis").findElements(By.cssSelector("[data-deal='" + dealId + "']")))
                .as("still moved after a reload").hasSize(1);
        assertThat(shown(browser, "Qualification").total())
                .isEqualByComparingTo(expected.get("Qualification").total().subtract(amount));

        // The keyboard way, for another deal: Move to… → choose the stage → Move.
        WebElement other = firstMovableCard(browser, portal, "Value Proposition");
        String otherId = other.getAttribute("data-deal");
        openMoveDialog(browser, other);
        WebElement select = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("move-form:move-stage")));
        new Select(select).selectByValue("Id. Decision Makers");
        browser.findElement(By.id("move-form:move-submit")).sendKeys(Keys.ENTER);
        waitForGrowl(browser, "moved to");
        assertThat(dealStageInSandbox(portal, otherId)).isEqualTo("Id. Decision Makers");
        Browser.screenshot(browser, "pipeline-board-after-moves");
    }

    @Test
    void refusedMovesPutTheCardBackAndSayWhy(WebDriver browser, RunningPortal portal) {
        openBoard(browser, portal, "owner=all");
        String blueprint = blueprintDeals(portal).get(0);
        WebElement card = browser.findElement(By.cssSelector("[data-deal='" + blueprint + "']"));
        String from = dealStageInSandbox(portal, blueprint);
        String to = STAGES.get(STAGES.indexOf(from) + 1);
        openMoveDialog(browser, card);
        new Select(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("move-form:move-stage"))))
                .selectByValue(to);
        browser.findElement(By.id("move-form:move-submit")).click();
        waitForGrowl(browser, "Blueprint");
        assertThat(dealStageInSandbox(portal, blueprint)).as("sandbox unchanged").isEqualTo(from);
        assertThat(column(browser, from).findElements(By.cssSelector("[data-deal='" + blueprint + "']")))
                .as("the card is back in its column").hasSize(1);
        Browser.screenshot(browser, "pipeline-board-blueprint-refused");

        // Someone changes a deal in CRM after the board was loaded: the stale move is refused (412).
        WebElement stale = firstMovableCard(browser, portal, "Qualification");
        String staleId = stale.getAttribute("data-deal");
        changeDealInTheSandbox(portal, staleId);
        openMoveDialog(browser, stale);
        new Select(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("move-form:move-stage"))))
                .selectByValue("Needs Analysis");
        browser.findElement(By.id("move-form:move-submit")).click();
        waitForGrowl(browser, "Someone changed");
        assertThat(dealStageInSandbox(portal, staleId)).isEqualTo("Qualification");

        // CRM is busy: one PUT, no retry storm, the card stays where it was.
        browser.navigate().refresh();
        waitForBoard(browser);
        WebElement busy = firstMovableCard(browser, portal, "Qualification");
        String busyId = busy.getAttribute("data-deal");
        long puts = portal.sandbox().counter("calls_by_path", "PUT /crm/v8/Deals/{id}");
        portal.sandbox().fault("crm", 429, 0, 1);
        openMoveDialog(browser, busy);
        new Select(browser.findElement(By.id("move-form:move-stage"))).selectByValue("Needs Analysis");
        browser.findElement(By.id("move-form:move-submit")).click();
        waitForGrowl(browser, "busy");
        assertThat(portal.sandbox().counter("calls_by_path", "PUT /crm/v8/Deals/{id}") - puts).as("one call").isEqualTo(1);
        assertThat(column(browser, "Qualification").findElements(By.cssSelector("[data-deal='" + busyId + "']"))).hasSize(1);
        assertThat(dealStageInSandbox(portal, busyId)).isEqualTo("Qualification");
    }

    @Test
    void hostileNamesStayText(WebDriver browser, RunningPortal portal) {
        openBoard(browser, portal, "owner=all");
        assertThat(browser.getPageSource()).as("the hostile deal is on the board").contains("onerror=alert");
        assertThat(alertAppears(browser)).as("no injected handler ran").isFalse();

        // Positive control: the detector does see a script that runs.
        ((JavascriptExecutor) browser).executeScript("setTimeout(function () { alert('control'); }, 0);");
        assertThat(alertAppears(browser)).as("the detector works").isTrue();
    }

    @Test
    void filtersLiveInTheUrlAndAreDoneByCrm(WebDriver browser, RunningPortal portal) {
        openBoard(browser, portal, "owner=mine&closing=any&q=Python");
        int mine = Integer.parseInt(browser.findElement(By.id("board-count")).getText().split(" ")[0]);
        openBoard(browser, portal, "owner=all&closing=any&q=Python");
        int all = Integer.parseInt(browser.findElement(By.id("board-count")).getText().split(" ")[0]);
        assertThat(mine).isPositive().isLessThan(all);
        for (WebElement name : browser.findElements(By.cssSelector(".zy-deal-name"))) {
            assertThat(name.getText()).containsIgnoringCase("python");
        }
        assertThat(browser.findElement(By.id("filter-all")).getAttribute("class")).contains("zy-chip-on");
    }

    // ---- the page ----------------------------------------------------------------------------------------

    private static void openBoard(WebDriver browser, RunningPortal portal, String query) {
        browser.get(portal.url("/crm/?" + query).toString());
        waitForBoard(browser);
    }

    private static void waitForBoard(WebDriver browser) {
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("board-columns")));
    }

    /** "Move to…" with the keyboard: focus the card's link, press Enter. */
    private static void openMoveDialog(WebDriver browser, WebElement card) {
        WebElement link = card.findElement(By.cssSelector("a[id$=':move']"));
        ((JavascriptExecutor) browser).executeScript("window.__errs = ['armed ' + (window.zylker && window.zylker.jqueryArmed),"
                + " 'field ' + !!document.querySelector('#board input[name=\"zy-csrf\"]'), 'jq ' + jQuery.fn.jquery];"
                + " window.addEventListener('error', function (e) {"
                + " window.__errs.push(String(e.message)); });"
                + " jQuery(document).on('pfAjaxError', function (e, xhr) { window.__errs.push('ajax ' + xhr.status + ' '"
                + " + String(xhr.responseText).substring(0, 300)); });"
                + " jQuery(document).on('pfAjaxComplete', function (e, xhr) { window.__errs.push('complete ' + xhr.status"
                + " + ' ' + String(xhr.responseText).substring(0, 600)); });");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});"
                + " arguments[0].focus();", link);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        try {
            wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("move-form:move-stage")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "pipeline-move-dialog-missing");
            throw new AssertionError("dialog did not fill; page saw: "
                    + ((JavascriptExecutor) browser).executeScript("return JSON.stringify(window.__errs);"), e);
        }
    }

    private static WebElement column(WebDriver browser, String stage) {
        return browser.findElement(By.cssSelector(".zy-column[data-stage='" + stage + "']"));
    }

    private static WebElement firstMovableCard(WebDriver browser, RunningPortal portal, String stage) {
        List<String> locked = blueprintDeals(portal);
        return column(browser, stage).findElements(By.cssSelector(".zy-deal")).stream()
                .filter(c -> !locked.contains(c.getAttribute("data-deal")))
                .filter(c -> !c.getText().contains("<"))
                .findFirst().orElseThrow();
    }

    record Figures(int count, BigDecimal total, BigDecimal weighted) {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO);

        @Override
        public boolean equals(Object o) {
            return o instanceof Figures f && f.count == count && f.total.compareTo(total) == 0
                    && f.weighted.compareTo(weighted) == 0;
        }

        @Override
        public int hashCode() {
            return count;
        }
    }

    private static Figures shown(WebDriver browser, String stage) {
        WebElement column = column(browser, stage);
        int count = column.findElements(By.cssSelector(".zy-deal")).size();
        BigDecimal total = column.findElements(By.cssSelector(".zy-total")).stream()
                .map(e -> new BigDecimal(e.getAttribute("data-amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weighted = column.findElements(By.cssSelector(".zy-weighted")).stream()
                .map(e -> new BigDecimal(e.getAttribute("data-amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Figures(count, total, weighted);
    }

    private static void waitForGrowl(WebDriver browser, String text) {
        wait(browser).until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains(text)));
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
        // Ajax updates replace elements while a condition reads them: stale means "look again".
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    // ---- the sandbox's own records, read as any Zoho client would ---------------------------------------

    /** Count, total and weighted total per stage over every deal, from CRM's list API page by page. */
    private static Map<String, Figures> figuresFromTheSandbox(RunningPortal portal) {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (int page = 1; ; page++) {
            JsonObject body = crm(portal, "GET", "/crm/v8/Deals?fields=Stage,Amount,Probability&per_page=200&page=" + page, null);
            for (JsonValue v : body.getJsonArray("data")) {
                JsonObject d = v.asJsonObject();
                BigDecimal amount = d.getJsonNumber("Amount").bigDecimalValue();
                BigDecimal weighted = amount.multiply(d.getJsonNumber("Probability").bigDecimalValue())
                        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
                out.merge(d.getString("Stage"), new Figures(1, amount, weighted),
                        (a, b) -> new Figures(a.count + b.count, a.total.add(b.total), a.weighted.add(b.weighted)));
            }
            if (!body.getJsonObject("info").getBoolean("more_records")) {
                return out;
            }
        }
    }

    private static String dealStageInSandbox(RunningPortal portal, String id) {
        return crm(portal, "GET", "/crm/v8/Deals/" + id + "?fields=Stage", null).getJsonArray("data")
                .getJsonObject(0).getString("Stage");
    }

    private static void changeDealInTheSandbox(RunningPortal portal, String id) {
        try {
            Thread.sleep(1100); // Modified_Time has whole seconds: make the change visibly later
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        crm(portal, "PUT", "/crm/v8/Deals/" + id, "{\"data\": [{\"Next_Step\": \"Call back (changed in CRM)\"}]}");
    }

    private static List<String> blueprintDeals(RunningPortal portal) {
        try (JsonReader r = Json.createReader(new StringReader(send(HttpRequest.newBuilder(
                portal.url("/zoho-sandbox/control/state")).GET())))) {
            JsonArray ids = r.readObject().getJsonObject("blueprint_deals").getJsonArray("com");
            return ids.stream().map(v -> v.toString().replace("\"", "")).toList();
        }
    }

    /** A CRM call with Priya's current access token, taken from the sandbox's (test-only) token list. */
    private static JsonObject crm(RunningPortal portal, String method, String path, String json) {
        String token;
        try (JsonReader r = Json.createReader(new StringReader(send(HttpRequest.newBuilder(
                portal.url("/zoho-sandbox/control/tokens")).GET())))) {
            token = r.readObject().getJsonArray("tokens").stream().map(JsonValue::asJsonObject)
                    .filter(t -> "access".equals(t.getString("type")) && PRIYA.equals(t.getString("email")))
                    .reduce((a, b) -> b).orElseThrow().getString("token");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url("/zoho-sandbox/api/com").toString() + path))
                .header("Authorization", "Zoho-oauthtoken " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try (JsonReader r = Json.createReader(new StringReader(send(request)))) {
            return r.readObject();
        }
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
