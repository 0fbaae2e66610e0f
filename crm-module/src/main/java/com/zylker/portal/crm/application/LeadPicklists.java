package com.zylker.portal.crm.application;

import java.io.Serializable;
import java.util.List;

/**
 * The choices of the leads screen, from CRM's field metadata (each organization edits its own picklists):
 * lead statuses, lead sources, courses. {@code courseField} is the API name of the course-of-interest
 * picklist (a custom field; {@code Course_of_Interest} in the sandbox), {@code null} when the org has none.
 */
public record LeadPicklists(List<String> statuses, List<String> sources, List<String> courses, String courseField)
        implements Serializable {

    public LeadPicklists {
        statuses = List.copyOf(statuses);
        sources = List.copyOf(sources);
        courses = List.copyOf(courses);
    }
}
