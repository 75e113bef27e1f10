package uk.nhs.equitylens.deprivation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deprivation data, loaded once, and which English edition areas are read against unless a
 * proposal says otherwise ({@code equitylens.deprivation.edition}: IOD2025, the default, or IMD2019).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeprivationConfiguration.DeprivationProperties.class)
public class DeprivationConfiguration {

	@Bean
	DeprivationIndex deprivationIndex() {
		return DeprivationIndex.load();
	}

	@ConfigurationProperties("equitylens.deprivation")
	public record DeprivationProperties(DeprivationEdition edition) {

		public DeprivationProperties {
			edition = edition == null ? DeprivationEdition.DEFAULT : edition;
		}

	}

}
