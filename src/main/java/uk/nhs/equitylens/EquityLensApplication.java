package uk.nhs.equitylens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EquityLensApplication {

	public static void main(String[] args) {
		SpringApplication.run(EquityLensApplication.class, args);
	}

}
