package com.zylker.sandbox.books;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny but valid PDF 1.4 of an invoice (one page, Helvetica, a few lines of text, correct xref offsets),
 * written by hand so the sandbox needs no PDF library. Enough for a portal to stream, save and open it.
 */
public final class InvoicePdf {

    public record Content(String orgName, String number, String customer, String date, String total, String balance) {
    }

    private InvoicePdf() {
    }

    public static byte[] render(Content c) {
        List<String> lines = List.of(c.orgName(), "Invoice " + c.number(), "Date: " + c.date(),
                "Bill to: " + c.customer(), "Total: " + c.total(), "Balance due: " + c.balance());
        StringBuilder text = new StringBuilder("BT /F1 14 Tf 72 760 Td 18 TL\n");
        for (String line : lines) {
            text.append('(').append(escape(line)).append(") Tj T*\n");
        }
        text.append("ET\n");
        byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
                + "/Contents 5 0 R >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        objects.add("<< /Length " + stream.length + " >>\nstream\n" + text + "endstream");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** PDF string literal: backslash and parentheses escaped; outside Latin-1 becomes '?'. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\\' || ch == '(' || ch == ')') {
                b.append('\\').append(ch);
            } else if (ch < 32 || ch > 255) {
                b.append('?');
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
