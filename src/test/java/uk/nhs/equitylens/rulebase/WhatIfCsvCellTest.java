package uk.nhs.equitylens.rulebase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each cell of the what-if CSV that a spreadsheet would run as a formula starts with a quote mark instead. */
class WhatIfCsvCellTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://example.org\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
			"\t=1+1", "\r=1+1" })
	void aCellThatStartsLikeAFormulaIsMadeInert(String value) {
		assertThat(WhatIf.cell(value)).isEqualTo("\"'" + value.replace("\"", "\"\"") + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hearing aftercare", "1+1=2", "a=b", "", "Ysbyty Gwynedd ŵ" })
	void anOrdinaryCellIsOnlyQuoted(String value) {
		assertThat(WhatIf.cell(value)).isEqualTo("\"" + value + "\"");
	}

}
