package com.zylker.portal.web.account;

import java.io.Serializable;
import java.time.Instant;

/** A received problem report: the reference the user can quote to the portal team. */
public record ProblemReport(String reference, ProblemArea area, Instant receivedAt) implements Serializable {
}
