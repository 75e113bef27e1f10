package uk.nhs.equitylens.journey;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The journey on the embedded default database, H2. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class H2AssessmentJourneyTest extends AssessmentJourneyContract {

}
