package com.zylker.portal.core.zoho.crm;

/** The signed-in user as CRM knows them ({@code role} and {@code profile} are names, e.g. "Administrator"). */
public record CrmUser(String id, String fullName, String email, String role, String profile) {
}
