package uk.nhs.equitylens.journey;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cumulative pressure on PostgreSQL: the run's one embedded PostgreSQL, shared with the journey
 * (the districts here are not the journey's, so neither counts the other's proposals).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "equitylens.cumulative-pressure.enabled=true")
@ActiveProfiles("postgres")
@Import(TestClock.Config.class)
class PostgresCumulativePressureTest extends CumulativePressureContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresAssessmentJourneyTest.postgres(registry);
	}

}
