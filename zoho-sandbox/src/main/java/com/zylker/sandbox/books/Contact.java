package com.zylker.sandbox.books;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Books customer with its contact persons; unused credit grows from overpayments and voided invoices. */
final class Contact {

    final String id;
    final String name;
    final String companyName;
    final String email;
    final String phone;
    final String customerSubType;
    final String zcrmContactId;
    final String createdTime;
    String lastModifiedTime;
    BigDecimal unusedCredit = Money.ZERO;
    final List<Map<String, Object>> contactPersons = new ArrayList<>();
    final Map<String, Object> billingAddress;

    Contact(String id, String name, String companyName, String email, String phone, String customerSubType,
            String zcrmContactId, String createdTime, Map<String, Object> billingAddress) {
        this.id = id;
        this.name = name;
        this.companyName = companyName;
        this.email = email;
        this.phone = phone;
        this.customerSubType = customerSubType;
        this.zcrmContactId = zcrmContactId;
        this.createdTime = createdTime;
        this.lastModifiedTime = createdTime;
        this.billingAddress = billingAddress;
    }
}
