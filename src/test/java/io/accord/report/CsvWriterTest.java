package io.accord.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesRfc4180RowsWithCrlf() {
        String csv = new CsvWriter().row("key", "count").row("emea", 12).toString();
        assertEquals("key,count\r\nemea,12\r\n", csv);
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        assertEquals("\"Acme, Inc.\"", CsvWriter.field("Acme, Inc."));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.field("two\nlines"));
        assertEquals("plain", CsvWriter.field("plain"));
    }

    @Test
    void neutralisesSpreadsheetFormulasInText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvWriter.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvWriter.field("+1"));
        assertEquals("'-rep", CsvWriter.field("-rep"));
        assertEquals("'@sum", CsvWriter.field("@sum"));
    }

    @Test
    void writesNumbersDurationsAndNullsPlainly() {
        assertEquals("-3.5", CsvWriter.field(new BigDecimal("-3.5")), "a negative number is not a formula");
        assertEquals("80.0", CsvWriter.field(new BigDecimal("80.0")));
        assertEquals("-2", CsvWriter.field(-2L));
        assertEquals("9000", CsvWriter.field(Duration.ofMinutes(150)));
        assertEquals("", CsvWriter.field(null));
        assertEquals("2026-11-16T00:00:00Z", CsvWriter.field(Instant.parse("2026-11-16T00:00:00Z")));
        assertEquals(",,x\r\n", new CsvWriter().row(null, null, "x").toString());
    }
}
