package com.zylker.portal.crm.application;

import com.zylker.portal.core.zoho.crm.NewLead;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * What the new-lead dialog collects, checked with Bean Validation before any call to Zoho (Faces validates the
 * inputs bound to it; {@link Leads#create} validates again, since a service must not trust its caller). The
 * lengths are Zoho's field limits ({@link NewLead}). A JavaBean, because the dialog's inputs write into it and
 * it travels in the view state, so that everything typed survives any error.
 */
public class LeadForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Size(max = 40, message = "First name: at most 40 characters.")
    private String firstName;

    @NotBlank(message = "Last name is required: Zoho CRM cannot save a lead without it.")
    @Size(max = NewLead.MAX_NAME_LENGTH, message = "Last name: at most " + NewLead.MAX_NAME_LENGTH + " characters.")
    private String lastName;

    @NotBlank(message = "Email is required: it is how the academy answers the enquiry, and how duplicates are found.")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "Email: enter an address such as name@example.org.")
    @Size(max = NewLead.MAX_EMAIL_LENGTH, message = "Email: at most " + NewLead.MAX_EMAIL_LENGTH + " characters.")
    private String email;

    @Pattern(regexp = "[+0-9 ()./-]{5,30}", message = "Phone: digits, spaces and + ( ) - . / only, 5 to 30 characters.")
    private String phone;

    @Size(max = 120, message = "Course: choose one from the list.")
    private String courseOfInterest;

    @Size(max = NewLead.MAX_NAME_LENGTH, message = "Lead source: choose one from the list.")
    private String leadSource;

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCourseOfInterest() {
        return courseOfInterest;
    }

    public void setCourseOfInterest(String courseOfInterest) {
        this.courseOfInterest = courseOfInterest;
    }

    public String getLeadSource() {
        return leadSource;
    }

    public void setLeadSource(String leadSource) {
        this.leadSource = leadSource;
    }
}
