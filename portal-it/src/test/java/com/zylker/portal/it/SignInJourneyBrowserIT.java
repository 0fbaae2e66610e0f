package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Login with Zoho as a person does it, in Chromium against the whole portal and the sandbox: landing → the
 * sandbox's sign-in and consent pages → the dashboard; then the CRM and Books modules without signing in
 * again; then sign-out, which revokes the grant at Zoho.
 */
@ExtendWith({Browser.class, WholePortal.class})
class SignInJourneyBrowserIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final String LUKAS = "lukas.schneider@zylkeracademy.eu";

    @BeforeEach
    void freshSandboxAndBrowser(WebDriver browser, RunningPortal portal) {
        portal.sandbox().reset();
        browser.get(portal.base().toString());
        browser.manage().deleteAllCookies();
    }

    @Test
    void comUserSignsInUsesEveryModuleAndSignsOut(WebDriver browser, RunningPortal portal) {
        browser.get(portal.base().toString());
        browser.findElement(By.id("login-with-zoho")).click();

        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-priya-raman")));
        assertThat(browser.getCurrentUrl()).contains("/zoho-sandbox/accounts/com/oauth/v2/auth");
        Browser.screenshot(browser, "sandbox-sign-in");
        browser.findElement(By.id("user-priya-raman")).click();

        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept")));
        assertThat(browser.getPageSource()).contains("ZohoCRM.modules.ALL");
        Browser.screenshot(browser, "sandbox-consent");
        browser.findElement(By.id("consent-accept")).click();

        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("home-user-name")));
        assertThat(browser.getCurrentUrl()).isEqualTo(portal.url("/home").toString());
        assertThat(browser.findElement(By.id("home-user-name")).getText()).isEqualTo("Priya Raman");
        assertThat(browser.findElement(By.id("home-dc")).getText()).isEqualTo("com");
        wait(browser).until(d -> d.findElement(By.id("home-summary-body")).getAttribute("data-open-deals") != null);
        assertThat(Integer.parseInt(browser.findElement(By.id("home-summary-body")).getAttribute("data-open-deals")))
                .isPositive();
        Browser.screenshot(browser, "home-signed-in");

        browser.findElement(By.id("nav-pipeline")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("crm-title")));
        assertThat(browser.findElement(By.id("zy-user-name")).getText()).contains("Priya Raman");
        browser.findElement(By.id("nav-invoices")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("books-title")));
        assertThat(browser.findElement(By.id("zy-user-name")).getText()).contains("Priya Raman");
        assertThat(portal.sandbox().counter("code_exchanges", "com")).isEqualTo(1);

        browser.findElement(By.id("zy-logout")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        assertThat(browser.findElement(By.id("login-with-zoho")).isDisplayed()).isTrue();
        assertThat(portal.sandbox().counter("revocations", "com")).isEqualTo(1);
        browser.get(portal.url("/crm/").toString());
        assertThat(browser.getCurrentUrl()).contains("/zoho-sandbox/accounts/com/oauth/v2/auth");
    }

    @Test
    void euUserIsServedByTheEuDataCentreOnly(WebDriver browser, RunningPortal portal) {
        browser.get(portal.url("/login").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-lukas-schneider")));
        browser.findElement(By.id("user-lukas-schneider")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept")));
        assertThat(browser.getPageSource()).contains("data centre eu");
        browser.findElement(By.id("consent-accept")).click();

        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("home-user-name")));
        assertThat(browser.findElement(By.id("home-user-name")).getText()).isEqualTo("Lukas Schneider");
        assertThat(browser.findElement(By.id("home-dc")).getText()).isEqualTo("eu");
        wait(browser).until(d -> d.findElement(By.id("home-summary-body")).getAttribute("data-open-deals") != null);
        Browser.screenshot(browser, "home-eu-user");

        SandboxControl sandbox = portal.sandbox();
        assertThat(sandbox.counter("code_exchanges", "eu")).isEqualTo(1);
        assertThat(sandbox.counter("code_exchanges", "com")).isZero();
        assertThat(sandbox.counter("api_calls", "eu")).isPositive();
        assertThat(sandbox.counter("api_calls", "com")).isZero();
        assertThat(sandbox.counter("refreshes_by_user", LUKAS)).isZero();
        assertThat(sandbox.counter("refreshes_by_user", PRIYA)).isZero();
    }

    @Test
    void dashboardSaysNotAvailableWhenTheCrmModuleCannotBeReached(WebDriver browser, RunningPortal portal) {
        browser.get(portal.url("/login").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-daniel-brooks")));
        browser.findElement(By.id("user-daniel-brooks")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept"))).click();
        wait(browser).until(d -> "loaded".equals(d.findElement(By.id("home-summary-body")).getAttribute("data-state")));

        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/crm/api/summary*")));
        try {
            browser.navigate().refresh();
            wait(browser).until(d -> "not-available".equals(d.findElement(By.id("home-summary-body")).getAttribute("data-state")));
            assertThat(browser.findElement(By.id("home-summary-body")).getText()).startsWith("Not available");
            assertThat(browser.findElement(By.id("home-title")).getText()).as("the rest of the page works")
                    .contains("Daniel Brooks");
            Browser.screenshot(browser, "home-crm-not-available");
        } finally {
            chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    @Test
    void aStaffMemberReportsAProblemThroughTheAjaxWizardThenSignsOutEverywhere(WebDriver browser, RunningPortal portal) {
        browser.get(portal.url("/login?return=%2Faccount").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user-priya-raman")));
        browser.findElement(By.id("user-priya-raman")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("consent-accept")));
        browser.findElement(By.id("consent-accept")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("account-title")));
        assertThat(browser.findElement(By.id("account-email")).getText()).isEqualTo(PRIYA);

        // Each step is a PrimeFaces ajax postback: it passes the CSRF filter only with the header zylker.js adds.
        browser.findElement(By.cssSelector("label[for='report:area:2']")).click();
        browser.findElement(By.id("report:next-area")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("report:details")))
                .sendKeys("The invoice list stays empty.");
        browser.findElement(By.id("report:next-details")).click();
        wait(browser).until(ExpectedConditions.textToBe(By.id("review-area"), "Invoices and payments"));
        browser.findElement(By.id("report:send")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("report-reference")));
        assertThat(browser.findElement(By.id("report-reference")).getText()).matches("ZY-[A-Z0-9]{6}");
        Browser.screenshot(browser, "account-problem-reported");

        // A plain form the layout did not write: zylker.js adds the token when it is submitted.
        browser.get(portal.url("/home").toString());
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("logout-everywhere"))).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        browser.get(portal.url("/account").toString());
        assertThat(browser.getCurrentUrl()).contains("/zoho-sandbox/accounts/com/oauth/v2/auth");
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
