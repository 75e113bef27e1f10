package uk.nhs.equitylens.journey;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** Cumulative pressure on the embedded default database, H2. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "equitylens.cumulative-pressure.enabled=true")
@Import(TestClock.Config.class)
class H2CumulativePressureTest extends CumulativePressureContract {

}
