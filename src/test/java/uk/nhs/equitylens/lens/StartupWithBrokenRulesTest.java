package uk.nhs.equitylens.lens;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.nhs.equitylens.EquityLensApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rules folder with a broken file stops the application at startup, saying which file and line. */
@ExtendWith(OutputCaptureExtension.class)
class StartupWithBrokenRulesTest {

	@Test
	void aBrokenRuleFileStopsStartupNamingFileAndLine(@TempDir Path rules, CapturedOutput output) throws Exception {
		Files.createDirectories(rules.resolve("lens"));
		Files.writeString(rules.resolve("lens/broken.drl"), """
				package lens;

				rule "Broken"
					@ruleId("TST-001") @domain("cohorts") @rationale("Refers to nothing that exists.")
					ruleflow-group "assess"
				when
					NoSuchFact()
				then
				end
				""");

		assertThatThrownBy(() -> SpringApplication.run(EquityLensApplication.class, "--server.port=0",
				"--equitylens.rules.dir=" + rules, "--spring.main.banner-mode=off"))
			.hasRootCauseInstanceOf(RulebaseException.class);
		assertThat(output).contains("The rulebase could not be loaded:", "lens/broken.drl [line 7]");
	}

}
