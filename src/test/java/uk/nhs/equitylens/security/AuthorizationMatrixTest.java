package uk.nhs.equitylens.security;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.web.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.equitylens.security.AuthorizationMatrixTest.Access.ALLOW;
import static uk.nhs.equitylens.security.AuthorizationMatrixTest.Access.DENY;
import static uk.nhs.equitylens.security.AuthorizationMatrixTest.Target.DRAFT;
import static uk.nhs.equitylens.security.AuthorizationMatrixTest.Target.NONE;
import static uk.nhs.equitylens.security.AuthorizationMatrixTest.Target.PERSON;
import static uk.nhs.equitylens.security.AuthorizationMatrixTest.Target.SUBMITTED;

/**
 * Who may use which endpoint, as one table: every page and API endpoint that Spring MVC registers
 * against every kind of caller, ALLOW or DENY. A new endpoint fails this test until its line is
 * added here (someone has to decide who may use it), and a line for an endpoint that is gone fails
 * it too.
 * <p>
 * Each line is then tried for real over HTTP: the API with HTTP Basic, pages with a signed-in
 * session that sends the CSRF token, the anonymous caller with no credentials. The {@code {id}} of
 * a path is a fixture created by the demo ambassador on PLANNED_CARE (the submitted assessment for
 * reading and deciding, the draft for editing, the admin's own account for the admin pages).
 * <p>
 * The requests are chosen so that an allowed caller gets past authorization without changing what
 * later requests see: creations and edits are sent without a title (400, or the page again with its
 * errors), decisions with a stale version (409), comments empty (400). Only the two mitigation
 * responses are real changes, and only of mitigations: the draft's are emptied, the submitted
 * assessment's are restated as they were. Reads run first.
 * <p>
 * DENY means 401 (anonymous, API), a redirect to the sign-in page (anonymous, pages) or 403; ALLOW
 * means anything else (400, 404 and 409 included: the question here is who gets in, not what they
 * sent).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

	private static final String DECISION_JSON = "{\"decision\":\"REJECTED\",\"reason\":\"Authorization matrix\",\"version\":-1}";

	private static final String DECISION_FORM = "decision=REJECTED&reason=Authorization matrix&version=-1";

	private static final String SAME_MITIGATION_FORM = "NON_DIGITAL_ROUTE.response=COMMITTED&NON_DIGITAL_ROUTE.owner=Service manager"
			+ "&NON_DIGITAL_ROUTE.due.day=31&NON_DIGITAL_ROUTE.due.month=3&NON_DIGITAL_ROUTE.due.year=2027"
			+ "&NON_DIGITAL_ROUTE.note=Free text";

	private static final String SPEC_EXAMPLE = "spec example";

	/**
	 * The table. Columns after the probe: ANONYMOUS, AMBASSADOR (ambassador: PLANNED_CARE and
	 * DIGITAL, creator of the fixtures), BOARD_MEMBER (board.member: PLANNED_CARE), OTHER_BOARD
	 * (other.board: MENTAL_HEALTH), GOVERNANCE, ADMIN.
	 */
	private static final List<Rule> RULES = List.of(
			// pages open to everyone
			rule("GET /login", NONE, none(), ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
			rule("GET /about", NONE, none(), ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
			rule("GET /lens/how-it-scores", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW), // the policy in force: any signed-in user
			// the ambassador's pages; reading follows the read rule, changing the edit rule
			rule("GET /", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW), // ADMIN: the landing page after sign-in; it sends the admin on to /admin/people and lists nothing
			rule("GET /assessments/new", NONE, none(), DENY, ALLOW, DENY, DENY, DENY, DENY), // ambiguous (an empty form, no data): least privilege, only those who may create get the form
			rule("POST /assessments/new", NONE, form(""), DENY, ALLOW, DENY, DENY, DENY, DENY),
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}", DRAFT, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}/sections/{sectionId}", DRAFT, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY), // shows the answers (read rule); saving them needs the edit rule
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/sections/{sectionId}", DRAFT, form(""), DENY, ALLOW, DENY, DENY, DENY, DENY),
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}/check", DRAFT, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/submit", DRAFT, form(""), DENY, ALLOW, DENY, DENY, DENY, DENY),
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}/result", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/mitigations", SUBMITTED, form(SAME_MITIGATION_FORM), DENY, ALLOW, DENY, DENY, DENY, DENY),
			// the board's pages
			rule("GET /reviews", NONE, none(), DENY, DENY, ALLOW, ALLOW, DENY, DENY), // each member's queue of their own boards; GOVERNANCE: ambiguous (reads everything, decides nothing), least privilege: reads through the list, not the deciders' queue
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}/review", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("GET /cumulative", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY), // as GET /api/cumulative
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/decisions", SUBMITTED, form(DECISION_FORM), DENY, DENY, ALLOW, DENY, DENY, DENY),
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/comments", SUBMITTED, form("body="), DENY, ALLOW, ALLOW, DENY, DENY, DENY), // between the board and the assessment's own ambassador; GOVERNANCE: ambiguous, least privilege (reads, does not take part)
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/follow-up", SUBMITTED, form("whatHappened="), DENY, ALLOW, DENY, DENY, DENY, DENY), // the follow-up review is the assessment's ambassador's (edit rule)
			rule("POST /assessments/{id:[0-9a-fA-F-]{36}}/follow-up/close", SUBMITTED, form(""), DENY, DENY, ALLOW, DENY, DENY, DENY), // closing the follow-up is the board's (decide rule)
			// the administrator's pages
			rule("GET /admin/people", NONE, none(), DENY, DENY, DENY, DENY, DENY, ALLOW),
			rule("GET /admin/people/new", NONE, none(), DENY, DENY, DENY, DENY, DENY, ALLOW),
			rule("POST /admin/people/new", NONE, form(""), DENY, DENY, DENY, DENY, DENY, ALLOW),
			rule("GET /admin/people/{id}", PERSON, none(), DENY, DENY, DENY, DENY, DENY, ALLOW),
			rule("POST /admin/people/{id}", PERSON, form(""), DENY, DENY, DENY, DENY, DENY, ALLOW),
			// reference data and the lens
			rule("GET /api/audit/verify", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY), // audits are governance's
			rule("GET /api/assessments/{id:[0-9a-fA-F-]{36}}/audit", SUBMITTED, none(), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("GET /api/assessments/{id:[0-9a-fA-F-]{36}}/evaluations/{evaluationId:[0-9a-fA-F-]{36}}/replay", SUBMITTED, none(), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("POST /api/rulebase/candidates", NONE, json("{\"folder\":\"no-such-folder\"}"), DENY, DENY, DENY, DENY, ALLOW, ALLOW), // checking a candidate (no activation): governance for what-if, admin to activate
			rule("POST /api/rulebase/candidates/{version}/activate", NONE, json(""), DENY, DENY, DENY, DENY, DENY, ALLOW), // activation is the administrator's
			rule("POST /api/whatif", NONE, json("{\"candidate\":\"sha256:unknown\"}"), DENY, DENY, DENY, DENY, ALLOW, DENY), // what-if runs are governance's
			rule("GET /api/whatif/{id:[0-9a-fA-F-]{36}}", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("POST /api/whatif/{id:[0-9a-fA-F-]{36}}/cancel", NONE, json(""), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("GET /api/whatif/{id:[0-9a-fA-F-]{36}}/report.csv", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("GET /governance", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, ALLOW), // governance and rulebase administration
			rule("POST /governance/audit/verify", NONE, form(""), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("POST /governance/candidates", NONE, form(""), DENY, DENY, DENY, DENY, ALLOW, ALLOW),
			rule("POST /governance/candidates/activate", NONE, form("version=sha256:unknown"), DENY, DENY, DENY, DENY, DENY, ALLOW),
			rule("POST /governance/whatif", NONE, form("candidate=sha256:unknown"), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("GET /governance/whatif/{id:[0-9a-fA-F-]{36}}", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("POST /governance/whatif/{id:[0-9a-fA-F-]{36}}/cancel", NONE, form(""), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("GET /governance/replay/{id:[0-9a-fA-F-]{36}}/{evaluationId:[0-9a-fA-F-]{36}}", SUBMITTED, none(), DENY, DENY, DENY, DENY, ALLOW, DENY),
			rule("GET /api/dashboard", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY), // rule outcomes across boards are governance's
			rule("GET /api/governance/disagreements", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY), // as GET /api/dashboard: across boards, governance's
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}/report", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY), // the board paper follows the read rule
			rule("GET /assessments/{id:[0-9a-fA-F-]{36}}/report.pdf", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("GET /api/assessments/{id:[0-9a-fA-F-]{36}}/report.pdf", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("GET /api/reviews/overrides", NONE, none(), DENY, DENY, DENY, DENY, ALLOW, DENY), // overrides are flagged to governance
			rule("GET /api/cumulative", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY), // cumulative impact: each sees only their boards' proposals (governance all); ADMIN reads no assessments
			rule("GET /api/vocabulary", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW), // reference codes: everyone signed in
			rule("GET /api/me", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW), // who am I: everyone signed in
			rule("GET /api/rulebase", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW), // findings cite rule ids: everyone signed in may read the rules behind them; ADMIN activates rulebases
			rule("POST /api/assessments/evaluate", NONE, json(SPEC_EXAMPLE), DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY), // a dry run stores nothing: the assessment roles may try proposals; ADMIN manages people and rulebases, not proposals
			// assessments over the API
			rule("GET /api/assessments", NONE, none(), DENY, ALLOW, ALLOW, ALLOW, ALLOW, DENY), // each sees only their boards' (governance all)
			rule("POST /api/assessments", NONE, json("{}"), DENY, ALLOW, DENY, DENY, DENY, DENY),
			rule("GET /api/assessments/{id:[0-9a-fA-F-]{36}}", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("PUT /api/assessments/{id:[0-9a-fA-F-]{36}}", DRAFT, json("{}"), DENY, ALLOW, DENY, DENY, DENY, DENY),
			rule("POST /api/assessments/{id:[0-9a-fA-F-]{36}}/submit", DRAFT, none(), DENY, ALLOW, DENY, DENY, DENY, DENY),
			rule("PUT /api/assessments/{id:[0-9a-fA-F-]{36}}/mitigations", DRAFT, json("{\"mitigations\":[]}"), DENY, ALLOW, DENY, DENY, DENY, DENY),
			// the board's review over the API
			rule("GET /api/reviews/queue", NONE, none(), DENY, DENY, ALLOW, ALLOW, DENY, DENY), // as GET /reviews
			rule("POST /api/assessments/{id:[0-9a-fA-F-]{36}}/decisions", SUBMITTED, json(DECISION_JSON), DENY, DENY, ALLOW, DENY, DENY, DENY),
			rule("GET /api/assessments/{id:[0-9a-fA-F-]{36}}/decisions", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("POST /api/assessments/{id:[0-9a-fA-F-]{36}}/comments", SUBMITTED, json("{\"body\":\"\"}"), DENY, ALLOW, ALLOW, DENY, DENY, DENY), // as the comments page
			rule("GET /api/assessments/{id:[0-9a-fA-F-]{36}}/comments", SUBMITTED, none(), DENY, ALLOW, ALLOW, DENY, ALLOW, DENY),
			rule("POST /api/assessments/{id:[0-9a-fA-F-]{36}}/review", SUBMITTED, json("{\"whatHappened\":\"\"}", "{\"close\":true}"), DENY, ALLOW, ALLOW, DENY, DENY, DENY)); // two uses: the ambassador records the follow-up (first body), the board closes it (second)

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<Caller, WebSession> sessions = new EnumMap<>(Caller.class);

	private final Map<Target, String> ids = new EnumMap<>(Target.class);

	private ObjectNode example;

	@BeforeAll
	void createTheFixtures() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/proposals/proposal-example.json")) {
			example = (ObjectNode) json.readTree(in);
		}
		HttpResponse<String> submitted = api(Caller.AMBASSADOR, "POST", "/api/assessments?submit=true", example.toString());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		ids.put(SUBMITTED, json.readTree(submitted.body()).get("id").asString());
		HttpResponse<String> draft = api(Caller.AMBASSADOR, "POST", "/api/assessments",
				json.createObjectNode().put("title", "Authorization matrix draft").put("board", "PLANNED_CARE").toString());
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		ids.put(DRAFT, json.readTree(draft.body()).get("id").asString());
		ids.put(PERSON, jdbc.queryForObject("select id from app_user where username = 'admin'", UUID.class).toString());
	}

	@Test
	void everyRegisteredEndpointHasALineInTheTableAndEveryLineAnEndpoint() {
		Set<String> registered = registeredEndpoints();
		Set<String> inTable = RULES.stream().map(Rule::endpoint).collect(Collectors.toCollection(TreeSet::new));
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(RULES).as("one line per endpoint").extracting(Rule::endpoint).doesNotHaveDuplicates();
		softly.assertThat(minus(registered, inTable))
			.as("endpoints with no line in the table: decide who may use them and add a line")
			.isEmpty();
		softly.assertThat(minus(inTable, registered))
			.as("lines in the table for endpoints that are no longer registered")
			.isEmpty();
		softly.assertAll();
	}

	@Test
	void everyCallerIsAllowedOrDeniedAsTheTableSays() throws Exception {
		List<Rule> order = new ArrayList<>(RULES);
		order.sort(Comparator.comparing(rule -> !rule.method().equals("GET")));
		Map<Rule, Map<Caller, String>> outcomes = new LinkedHashMap<>();
		RULES.forEach(rule -> outcomes.put(rule, new EnumMap<>(Caller.class)));
		List<String> wrong = new ArrayList<>();
		for (Rule rule : order) {
			String path = path(rule);
			for (Caller caller : Caller.values()) {
				Access expected = rule.access().get(caller);
				List<Outcome> tried = new ArrayList<>();
				for (String body : rule.probe().bodies()) {
					tried.add(send(rule, caller, path, body));
				}
				boolean refused = tried.stream().allMatch(Outcome::refused);
				boolean through = tried.stream().anyMatch(Outcome::through);
				boolean right = expected == ALLOW ? through : refused;
				String seen = tried.stream().map(Outcome::shown).collect(Collectors.joining("+"));
				outcomes.get(rule).put(caller, expected + " " + seen + (right ? "" : " <-- WRONG"));
				if (!right) {
					wrong.add(rule.endpoint() + " as " + caller + ": expected " + expected + ", got " + seen);
				}
			}
		}
		assertThat(wrong).withFailMessage("%d of %d checks disagree with the table:%n  %s%n%nThe matrix (expected, then status seen):%n%s",
				wrong.size(), RULES.size() * Caller.values().length, String.join("\n  ", wrong), matrix(outcomes))
			.isEmpty();
	}

	private Set<String> registeredEndpoints() {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (framework(pattern)) {
					continue;
				}
				if (methods.isEmpty()) {
					endpoints.add("* " + pattern);
				}
				methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
			}
		}
		return endpoints;
	}

	/** springdoc's API description and Swagger UI, Boot's error page and actuator are not the application's. */
	private static boolean framework(String pattern) {
		return pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui") || pattern.equals("/error")
				|| pattern.startsWith("/actuator");
	}

	private String path(Rule rule) {
		// an evaluation id that does not exist: governance gets 404 (allowed), everyone else is refused first
		String path = rule.pattern().replace("{sectionId}", "proposal")
			.replace("{evaluationId:[0-9a-fA-F-]{36}}", "00000000-0000-0000-0000-000000000000")
			.replace("{version}", "sha256:unknown")
			.replace("/api/whatif/{id:[0-9a-fA-F-]{36}}", "/api/whatif/00000000-0000-0000-0000-000000000000")
			.replace("/governance/whatif/{id:[0-9a-fA-F-]{36}}", "/governance/whatif/00000000-0000-0000-0000-000000000000");
		if (rule.target() != NONE) {
			path = path.replace("{id:[0-9a-fA-F-]{36}}", ids.get(rule.target())).replace("{id}", ids.get(rule.target()));
		}
		assertThat(path).as("every path variable of %s is filled in", rule.endpoint()).doesNotContain("{", "}");
		return path;
	}

	private Outcome send(Rule rule, Caller caller, String path, String body) throws Exception {
		if (path.startsWith("/api/")) {
			String content = SPEC_EXAMPLE.equals(body) ? example.toString() : body;
			HttpResponse<String> response = api(caller, rule.method(), path, content);
			int status = response.statusCode();
			return new Outcome(String.valueOf(status), status != 401 && status != 403,
					caller == Caller.ANONYMOUS ? status == 401 : status == 403);
		}
		WebSession session = session(caller);
		HttpResponse<String> response = switch (rule.method()) {
			case "GET" -> session.get(path);
			case "POST" -> session.post(path, fields(body));
			default -> throw new IllegalStateException("Pages are GET or POST; teach the matrix to send " + rule.endpoint());
		};
		int status = response.statusCode();
		boolean toSignIn = response.previousResponse().isPresent() && response.uri().getPath().startsWith("/login");
		String shown = toSignIn ? "->/login" : response.previousResponse().isPresent()
				? response.previousResponse().get().statusCode() + "->" + status : String.valueOf(status);
		return new Outcome(shown, status != 401 && status != 403 && !toSignIn,
				status == 403 || caller == Caller.ANONYMOUS && toSignIn);
	}

	private HttpResponse<String> api(Caller caller, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (caller.username() != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((caller.username() + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private WebSession session(Caller caller) throws Exception {
		WebSession session = sessions.get(caller);
		if (session == null) {
			if (caller.username() == null) {
				session = WebSession.anonymous(port);
				// the sign-in page hands out a CSRF token, so the anonymous posts are refused for who sends them
				session.get("/login");
			}
			else {
				session = WebSession.signIn(port, caller.username(), "demo");
			}
			sessions.put(caller, session);
		}
		return session;
	}

	private static Map<String, String> fields(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return fields;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	private static String matrix(Map<Rule, Map<Caller, String>> outcomes) {
		int endpointWidth = RULES.stream().mapToInt(r -> r.endpoint().length()).max().orElse(10);
		Function<Caller, Integer> width = caller -> Math.max(caller.name().length(),
				outcomes.values().stream().mapToInt(o -> o.getOrDefault(caller, "").length()).max().orElse(0));
		StringBuilder table = new StringBuilder(String.format("%-" + endpointWidth + "s", "endpoint"));
		for (Caller caller : Caller.values()) {
			table.append(" | ").append(String.format("%-" + width.apply(caller) + "s", caller));
		}
		outcomes.forEach((rule, seen) -> {
			table.append('\n').append(String.format("%-" + endpointWidth + "s", rule.endpoint()));
			for (Caller caller : Caller.values()) {
				table.append(" | ").append(String.format("%-" + width.apply(caller) + "s", seen.getOrDefault(caller, "")));
			}
		});
		return table.toString();
	}

	private static Set<String> minus(Set<String> from, Set<String> taken) {
		Set<String> left = new TreeSet<>(from);
		left.removeAll(taken);
		return left;
	}

	private static Rule rule(String endpoint, Target target, Probe probe, Access... access) {
		if (access.length != Caller.values().length) {
			throw new IllegalArgumentException(endpoint + ": one ALLOW or DENY per caller, in the order "
					+ Arrays.toString(Caller.values()));
		}
		Map<Caller, Access> byCaller = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			byCaller.put(caller, access[caller.ordinal()]);
		}
		return new Rule(endpoint, target, probe, byCaller);
	}

	/** No body: a GET, or a post that needs none. */
	private static Probe none() {
		return new Probe(Collections.singletonList(null));
	}

	/** JSON bodies for the API, one request each; {@value #SPEC_EXAMPLE} stands for the spec example. */
	private static Probe json(String... bodies) {
		return new Probe(List.of(bodies));
	}

	/** Form fields for a page ({@code name=value&...}), sent with the session's CSRF token. */
	private static Probe form(String... bodies) {
		return new Probe(List.of(bodies));
	}

	/** The callers, in the order of the table's columns. */
	enum Caller {

		ANONYMOUS(null), AMBASSADOR("ambassador"), BOARD_MEMBER("board.member"), OTHER_BOARD("other.board"),
		GOVERNANCE("governance"), ADMIN("admin");

		private final String username;

		Caller(String username) {
			this.username = username;
		}

		String username() {
			return username;
		}

	}

	/** Whether a caller may use an endpoint. */
	enum Access {

		ALLOW, DENY

	}

	/** Which fixture an endpoint's {@code {id}} stands for. */
	enum Target {

		/** The path has no id. */
		NONE,
		/** The submitted assessment, for reading, reviewing and deciding. */
		SUBMITTED,
		/** The draft, for editing. */
		DRAFT,
		/** The admin's own account, for the admin pages. */
		PERSON

	}

	/**
	 * What is sent to an endpoint: one request per body. A caller is allowed if any of them gets past
	 * authorization (an endpoint with two uses, for two kinds of caller, has a body for each) and
	 * denied only if all of them are refused.
	 */
	record Probe(List<String> bodies) {
	}

	/** One line of the table. */
	record Rule(String endpoint, Target target, Probe probe, Map<Caller, Access> access) {

		String method() {
			return endpoint.substring(0, endpoint.indexOf(' '));
		}

		String pattern() {
			return endpoint.substring(endpoint.indexOf(' ') + 1);
		}

	}

	/** What one request got: as shown in the matrix, past authorization, or refused as a DENY must be. */
	record Outcome(String shown, boolean through, boolean refused) {
	}

}
