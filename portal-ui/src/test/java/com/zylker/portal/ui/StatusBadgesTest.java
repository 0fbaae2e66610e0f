package com.zylker.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusBadgesTest {

    @Test
    void wonAndPaidLookGoodLostAndOverdueBad() {
        assertEquals("zy-badge zy-badge-good", StatusBadges.cssClass("Closed Won"));
        assertEquals("zy-badge zy-badge-good", StatusBadges.cssClass(" paid "));
        assertEquals("zy-badge zy-badge-bad", StatusBadges.cssClass("Overdue"));
    }

    @Test
    void unknownOrMissingStatusIsNeutralNeverTheTextItself() {
        assertEquals("zy-badge zy-badge-neutral", StatusBadges.cssClass("\" onmouseover=\"alert(1)"));
        assertEquals("zy-badge zy-badge-neutral", StatusBadges.cssClass(null));
    }
}
