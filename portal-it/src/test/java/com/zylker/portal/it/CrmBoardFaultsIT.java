package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline board against CRM's limits and faults, over HTTP against the whole portal: more deals than one
 * COQL call returns, an expired token, a search without hits, a busy CRM and a CRM that does not answer —
 * each a page in words, never a stack trace, and never more CRM calls than the load needs.
 */
@ExtendWith(WholePortal.class)
class CrmBoardFaultsIT {

    private static final String PRIYA = "priya.raman@zylkeracademy.com";
    private static final Pattern COUNT = Pattern.compile("(\\d+) deals · (\\d+) CRM queries");

    private RunningPortal portal;
    private PortalClient client;

    @BeforeEach
    void signIn(RunningPortal portal) {
        this.portal = portal;
        portal.sandbox().reset();
        client = new PortalClient(portal.base());
        client.signIn(PRIYA);
    }

    /** The page's messages, for a failing assertion to show what the user saw. */
    private static String explain(HttpResponse<String> page) {
        Matcher m = Pattern.compile("msgs:(\\[[^\\]]*\\])").matcher(page.body());
        return "status " + page.statusCode() + ", messages " + (m.find() ? m.group(1) : "none");
    }

    @Test
    void boardReadsPast2000DealsWithCoqlOffsets() {
        portal.sandbox().post("control/bulk-deals", "{\"count\": 2300, \"dc\": \"com\"}");

        HttpResponse<String> board = client.get("/crm/?owner=all");

        assertThat(board.statusCode()).isEqualTo(200);
        Matcher m = COUNT.matcher(board.body());
        assertThat(board.body()).as(explain(board)).contains("id=\"board-columns\"");
        assertThat(m.find()).as("deal count on the page").isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(260 + 2300);
        assertThat(Integer.parseInt(m.group(2))).as("⌈2,560 / 2,000⌉ queries").isEqualTo(2);
        assertThat(portal.sandbox().userCalls(PRIYA, "POST /crm/v8/coql")).isEqualTo(2);
        assertThat(portal.sandbox().userCalls(PRIYA, "GET /crm/v8/Deals")).isZero();
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheBoardLoads() {
        assertThat(client.get("/crm/?owner=mine").body()).contains("id=\"board-columns\"");
        portal.sandbox().advanceClock(3700); // the access token the portal holds is now an hour old

        HttpResponse<String> board = client.get("/crm/?owner=mine");

        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).as(explain(board)).contains("id=\"board-columns\"");
        assertThat(portal.sandbox().counter("refreshes_by_user", PRIYA)).isEqualTo(1);
    }

    @Test
    void searchWithoutHitsShowsAnEmptyBoardNotAnError() {
        HttpResponse<String> board = client.get("/crm/?owner=all&q=nobody-is-called-this");

        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("0 deals · 1 CRM queries").contains("No deals");
    }

    @Test
    void busyCrmIsSaidInWordsWithOneCall() {
        portal.sandbox().fault("crm", 429, 0, 1);
        long before = portal.sandbox().counter("api_calls", "com");

        HttpResponse<String> board = client.get("/crm/?owner=all");

        assertThat(board.body()).contains("Zoho is busy").contains("id=\"board-unavailable\"")
                .doesNotContain("Exception").doesNotContain("at com.zylker");
        assertThat(portal.sandbox().counter("api_calls", "com") - before).as("no retry storm: one refused call, nothing after")
                .isEqualTo(1);
        assertThat(client.get("/crm/?owner=all").body()).as("the next load works").contains("id=\"board-columns\"");
    }

    @Test
    void crmThatDoesNotAnswerIsSaidInWords() {
        portal.sandbox().fault("crm", 0, 7000, 1); // longer than the portal's 5 s request timeout in these tests

        HttpResponse<String> board = client.get("/crm/?owner=all");

        assertThat(board.body()).contains("Zoho is not answering").contains("id=\"board-unavailable\"")
                .doesNotContain("Exception");
    }
}
