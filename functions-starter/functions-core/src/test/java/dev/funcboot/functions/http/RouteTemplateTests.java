package dev.funcboot.functions.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class RouteTemplateTests {

	private static Map<String, String> match(String template, String... path) {
		return RouteTemplate.parse(template).match(List.of(path));
	}

	@Nested
	class Literals {

		@Test
		void literalSegmentsMatchCaseInsensitively() {
			assertThat(match("api/Orders", "API", "orders")).isEmpty();
			assertThat(match("api/Orders", "api", "ORDERS")).isEmpty();
		}

		@Test
		void differentLiteralDoesNotMatch() {
			assertThat(match("api/orders", "api", "order")).isNull();
			assertThat(match("api/orders", "api", "orders-x")).isNull();
		}

		@Test
		void pathMustHaveTheTemplatesNumberOfSegments() {
			assertThat(match("api/orders", "api")).isNull();
			assertThat(match("api/orders", "api", "orders", "42")).isNull();
		}

		@Test
		void leadingAndTrailingSlashesAreIgnoredButTheTemplateIsKeptAsWritten() {
			RouteTemplate template = RouteTemplate.parse("/api/orders/");
			assertThat(template.match(List.of("api", "orders"))).isEmpty();
			assertThat(template.template()).isEqualTo("/api/orders/");
			assertThat(template).hasToString("/api/orders/");
		}

		@Test
		void emptyTemplateMatchesOnlyTheRoot() {
			assertThat(match("")).isEmpty();
			assertThat(match("/")).isEmpty();
			assertThat(match("", "anything")).isNull();
			assertThat(RouteTemplate.parse("").parameterNames()).isEmpty();
		}

	}

	@Nested
	class Parameters {

		@Test
		void parametersCaptureSegmentValuesInTemplateOrder() {
			Map<String, String> values = match("orders/{orderId}/lines/{line}", "orders", "A-17", "lines", "3");
			assertThat(values).containsExactly(entry("orderId", "A-17"), entry("line", "3"));
		}

		@Test
		void parameterValuesKeepTheirCase() {
			assertThat(match("users/{name}", "users", "MixedCase")).containsExactly(entry("name", "MixedCase"));
		}

		@Test
		void parameterNamesAreListedInOrderWithoutConstraintsOrMarkers() {
			RouteTemplate template = RouteTemplate.parse("shop/{tenant}/{id:int:min(1)}/{page:int?}/{*rest}");
			assertThat(template.parameterNames()).containsExactly("tenant", "id", "page", "rest");
		}

		@Test
		void parameterDoesNotMatchAnEmptySegment() {
			assertThat(match("orders/{id}", "orders", "")).isNull();
		}

		@Test
		void whitespaceInsideBracesIsIgnored() {
			assertThat(match("orders/{ id:int }", "orders", "5")).containsExactly(entry("id", "5"));
		}

	}

	@Nested
	class Constraints {

		@ParameterizedTest(name = "{0} accepts ''{1}''")
		@CsvSource(delimiter = '|', textBlock = """
				int            | 42
				int            | -7
				long           | 9223372036854775807
				bool           | true
				bool           | FALSE
				double         | 3.14
				double         | -2e3
				float          | 1.5
				decimal        | 12.50
				decimal        | -3
				guid           | 3f2504e0-4f89-11d3-9a0c-0305e82c3301
				guid           | 3F2504E0-4F89-11D3-9A0C-0305E82C3301
				datetime       | 2024-01-31
				datetime       | 2024-01-31T10:15:30
				datetime       | 2024-01-31T10:15:30Z
				datetime       | 2024-01-31T10:15:30+02:00
				alpha          | abcXYZ
				minlength(3)   | abc
				minlength(3)   | abcdef
				maxlength(3)   | abc
				maxlength(3)   | a
				length(3)      | abc
				length(2,4)    | ab
				length(2,4)    | abcd
				length(2, 4)   | abc
				min(10)        | 10
				min(10)        | 11
				max(10)        | 10
				max(10)        | -5
				range(1,5)     | 1
				range(1,5)     | 5
				range(-5, 5)   | -5
				regex(^\\d{3}$) | 123
				regex(^[a-z]+$) | ABC
				regex(b)       | abc
				""")
		void constraintAcceptsValue(String constraint, String value) {
			assertThat(match("items/{v:" + constraint + "}", "items", value)).containsExactly(entry("v", value));
		}

		@ParameterizedTest(name = "{0} rejects ''{1}''")
		@CsvSource(delimiter = '|', textBlock = """
				int            | 4.2
				int            | abc
				int            | 2147483648
				long           | 9223372036854775808
				long           | 1.0
				bool           | yes
				bool           | 1
				double         | abc
				double         | 1.5d
				double         | 2F
				float          | 1.5f
				decimal        | 12,5
				decimal        | abc
				guid           | not-a-guid
				guid           | 1-1-1-1-1
				guid           | 3f2504e04f8911d39a0c0305e82c3301
				guid           | 3f2504e0-4f89-11d3-9a0c-0305e82c330z
				datetime       | yesterday
				datetime       | 2024-13-01
				datetime       | 31.01.2024
				alpha          | abc1
				alpha          | h\u00e9llo
				alpha          | a-b
				minlength(3)   | ab
				maxlength(3)   | abcd
				length(3)      | ab
				length(3)      | abcd
				length(2,4)    | a
				length(2,4)    | abcde
				min(10)        | 9
				min(10)        | ten
				max(10)        | 11
				max(10)        | 1.5
				range(1,5)     | 0
				range(1,5)     | 6
				range(1,5)     | x
				regex(^\\d{3}$) | 1234
				regex(^\\d{3}$) | 12a
				""")
		void constraintRejectsValue(String constraint, String value) {
			assertThat(match("items/{v:" + constraint + "}", "items", value)).isNull();
		}

		@Test
		void regexContainingBracesIsParsedAsOneSegment() {
			RouteTemplate template = RouteTemplate.parse("codes/{code:regex(^\\d{3}$)}/details");
			assertThat(template.parameterNames()).containsExactly("code");
			assertThat(template.match(List.of("codes", "123", "details"))).containsExactly(entry("code", "123"));
			assertThat(template.match(List.of("codes", "12", "details"))).isNull();
		}

		@Test
		void regexContainingColonsAndParenthesesStaysOneConstraint() {
			RouteTemplate template = RouteTemplate.parse("keys/{key:regex(^(ab|cd):\\d+$)}");
			assertThat(template.match(List.of("keys", "ab:12"))).containsExactly(entry("key", "ab:12"));
			assertThat(template.match(List.of("keys", "ef:12"))).isNull();
		}

		@Test
		void everyConstraintOfAParameterMustAccept() {
			RouteTemplate template = RouteTemplate.parse("users/{name:alpha:maxlength(5)}");
			assertThat(template.match(List.of("users", "alice"))).containsExactly(entry("name", "alice"));
			// alpha accepts, maxlength rejects
			assertThat(template.match(List.of("users", "alexander"))).isNull();
			// maxlength accepts, alpha rejects
			assertThat(template.match(List.of("users", "al1"))).isNull();
		}

		@Test
		void numericTypeAndRangeCombine() {
			RouteTemplate template = RouteTemplate.parse("pages/{n:int:range(1,100)}");
			assertThat(template.match(List.of("pages", "100"))).containsExactly(entry("n", "100"));
			assertThat(template.match(List.of("pages", "101"))).isNull();
			assertThat(template.match(List.of("pages", "x"))).isNull();
		}

		@Test
		void literalsBeforeAConstrainedParameterStillHaveToMatch() {
			assertThat(match("orders/{id:int}", "invoices", "42")).isNull();
		}

	}

	@Nested
	class OptionalParameters {

		private final RouteTemplate template = RouteTemplate.parse("products/{category}/{page:int?}");

		@Test
		void absentOptionalParameterIsLeftOut() {
			assertThat(this.template.match(List.of("products", "books"))).containsExactly(entry("category", "books"));
		}

		@Test
		void presentOptionalParameterIsCaptured() {
			assertThat(this.template.match(List.of("products", "books", "2")))
				.containsExactly(entry("category", "books"), entry("page", "2"));
		}

		@Test
		void presentOptionalParameterMustSatisfyItsConstraint() {
			assertThat(this.template.match(List.of("products", "books", "two"))).isNull();
		}

		@Test
		void requiredSegmentsAreStillRequired() {
			assertThat(this.template.match(List.of("products"))).isNull();
		}

		@Test
		void noMoreSegmentsThanTheTemplateHas() {
			assertThat(this.template.match(List.of("products", "books", "2", "extra"))).isNull();
		}

		@Test
		void severalOptionalParametersFillFromTheLeft() {
			RouteTemplate template = RouteTemplate.parse("{a?}/{b?}");
			assertThat(template.match(List.of())).isEmpty();
			assertThat(template.match(List.of("x"))).containsExactly(entry("a", "x"));
			assertThat(template.match(List.of("x", "y"))).containsExactly(entry("a", "x"), entry("b", "y"));
		}

	}

	@Nested
	class CatchAll {

		private final RouteTemplate template = RouteTemplate.parse("files/{*path}");

		@Test
		void catchAllMatchesZeroSegments() {
			assertThat(this.template.match(List.of("files"))).isEmpty();
		}

		@Test
		void catchAllMatchesOneSegment() {
			assertThat(this.template.match(List.of("files", "a.txt"))).containsExactly(entry("path", "a.txt"));
		}

		@Test
		void catchAllJoinsSeveralSegmentsWithSlashes() {
			assertThat(this.template.match(List.of("files", "docs", "2024", "report.pdf")))
				.containsExactly(entry("path", "docs/2024/report.pdf"));
		}

		@Test
		void segmentsBeforeTheCatchAllMustMatch() {
			assertThat(this.template.match(List.of("images", "a.png"))).isNull();
			assertThat(this.template.match(List.of())).isNull();
		}

		@Test
		void catchAllAfterParameters() {
			RouteTemplate template = RouteTemplate.parse("users/{id:int}/{*rest}");
			assertThat(template.match(List.of("users", "7", "photos", "1")))
				.containsExactly(entry("id", "7"), entry("rest", "photos/1"));
			assertThat(template.match(List.of("users", "seven", "photos"))).isNull();
		}

		@Test
		void catchAllAloneMatchesEveryPath() {
			RouteTemplate template = RouteTemplate.parse("{*all}");
			assertThat(template.match(List.of())).isEmpty();
			assertThat(template.match(List.of("a", "b"))).containsExactly(entry("all", "a/b"));
		}

		@Test
		void catchAllMayFollowAnOptionalParameter() {
			RouteTemplate template = RouteTemplate.parse("blobs/{container?}/{*name}");
			assertThat(template.match(List.of("blobs"))).isEmpty();
			assertThat(template.match(List.of("blobs", "c", "x", "y")))
				.containsExactly(entry("container", "c"), entry("name", "x/y"));
		}

		@Test
		void catchAllConstraintAppliesToTheCapturedRemainder() {
			RouteTemplate template = RouteTemplate.parse("files/{*path:regex(\\.txt$)}");
			assertThat(template.match(List.of("files", "docs", "notes.txt")))
				.containsExactly(entry("path", "docs/notes.txt"));
			assertThat(template.match(List.of("files", "docs", "notes.pdf"))).isNull();
		}

	}

	@Nested
	class Precedence {

		@Test
		void literalBeforeConstrainedBeforePlainBeforeCatchAll() {
			RouteTemplate literal = RouteTemplate.parse("api/orders");
			RouteTemplate constrained = RouteTemplate.parse("api/{id:int}");
			RouteTemplate plain = RouteTemplate.parse("api/{id}");
			RouteTemplate catchAll = RouteTemplate.parse("api/{*rest}");
			assertThat(literal).isLessThan(constrained);
			assertThat(constrained).isLessThan(plain);
			assertThat(plain).isLessThan(catchAll);
			assertThat(catchAll).isGreaterThan(literal);
		}

		@Test
		void sortingPutsTheMostSpecificTemplateFirst() {
			List<RouteTemplate> templates = new ArrayList<>(List.of(RouteTemplate.parse("api/{*rest}"),
					RouteTemplate.parse("api/{id}"), RouteTemplate.parse("api/orders"),
					RouteTemplate.parse("api/{id:int}")));
			Collections.sort(templates);
			assertThat(templates).map(RouteTemplate::template)
				.containsExactly("api/orders", "api/{id:int}", "api/{id}", "api/{*rest}");
		}

		@Test
		void earlierSegmentsDecideBeforeLaterOnes() {
			RouteTemplate literalFirst = RouteTemplate.parse("api/{id}");
			RouteTemplate parameterFirst = RouteTemplate.parse("{tenant}/orders");
			assertThat(literalFirst).isLessThan(parameterFirst);
		}

		@Test
		void templatesOfEqualPrecedenceCompareEqual() {
			assertThat(RouteTemplate.parse("a/{x}").compareTo(RouteTemplate.parse("A/{y}"))).isZero();
		}

		@Test
		void exactTemplateWinsOverTheSamePrefixWithOptionalOrCatchAllTail() {
			// "api" and "api/{*rest}" both match the path "api"; the exact one is more specific
			assertThat(RouteTemplate.parse("api")).isLessThan(RouteTemplate.parse("api/{*rest}"));
			assertThat(RouteTemplate.parse("products")).isLessThan(RouteTemplate.parse("products/{id?}"));
		}

		@Test
		void firstMatchInSortedOrderRoutesEachPathToTheMostSpecificTemplate() {
			List<RouteTemplate> routes = new ArrayList<>();
			for (String template : List.of("products/{*rest}", "products/{slug}", "products", "products/{id:int}",
					"products/featured", "products/{id:int}/{page:int?}")) {
				routes.add(RouteTemplate.parse(template));
			}
			Collections.sort(routes);
			assertThat(firstMatch(routes, "products")).isEqualTo("products");
			assertThat(firstMatch(routes, "products", "featured")).isEqualTo("products/featured");
			assertThat(firstMatch(routes, "products", "42")).isEqualTo("products/{id:int}");
			assertThat(firstMatch(routes, "products", "42", "2")).isEqualTo("products/{id:int}/{page:int?}");
			assertThat(firstMatch(routes, "products", "shoes")).isEqualTo("products/{slug}");
			assertThat(firstMatch(routes, "products", "shoes", "red")).isEqualTo("products/{*rest}");
		}

		private String firstMatch(List<RouteTemplate> sorted, String... path) {
			for (RouteTemplate template : sorted) {
				if (template.match(List.of(path)) != null) {
					return template.template();
				}
			}
			return null;
		}

	}

	@Nested
	class Malformed {

		@Test
		void unclosedBrace() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/{id"))
				.withMessageContaining("'orders/{id'")
				.withMessageContaining("unbalanced braces");
		}

		@Test
		void unopenedBrace() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/id}"))
				.withMessageContaining("unbalanced braces");
		}

		@Test
		void textAndParameterMixedInOneSegment() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("files/report-{name}"))
				.withMessageContaining("'report-{name}'")
				.withMessageContaining("mixes text and a parameter")
				.withMessageContaining("files/{name}");
		}

		@Test
		void parameterFollowedByText() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("files/{name}.txt"))
				.withMessageContaining("mixes text and a parameter");
		}

		@Test
		void catchAllThatIsNotLast() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("files/{*path}/details"))
				.withMessageContaining("{*path}")
				.withMessageContaining("must be the last segment");
		}

		@Test
		void requiredSegmentAfterOptionalParameter() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("products/{page?}/{sort}"))
				.withMessageContaining("'{sort}'")
				.withMessageContaining("follows an optional parameter");
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("products/{page:int?}/all"))
				.withMessageContaining("'all'")
				.withMessageContaining("follows an optional parameter");
		}

		@Test
		void duplicateParameterNamesIgnoringCase() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/{id}/lines/{ID}"))
				.withMessageContaining("'orders/{id}/lines/{ID}'")
				.withMessageContaining("parameter 'ID' appears twice");
		}

		@Test
		void unknownConstraintListsTheKnownOnes() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/{id:integer}"))
				.withMessageContaining("unknown constraint 'integer'")
				.withMessageContaining("int, long, bool");
		}

		@Test
		void constraintNeedingAnArgument() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("u/{name:minlength}"))
				.withMessageContaining("constraint 'minlength' needs an argument");
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("u/{name:length()}"))
				.withMessageContaining("needs an argument");
		}

		@Test
		void constraintWithNonNumericArgument() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("u/{name:maxlength(ten)}"))
				.withMessageContaining("constraint 'maxlength(ten)' needs a numeric argument");
		}

		@Test
		void rangeWithOneBound() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("u/{n:range(5)}"))
				.withMessageContaining("constraint 'range(5)'");
		}

		@Test
		void constraintMissingItsClosingParenthesis() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("u/{n:min(5}"))
				.withMessageContaining("constraint 'min(5' misses ')'");
		}

		@Test
		void invalidRegularExpressionNamesTheRoute() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("u/{n:regex([)}"))
				.withMessageContaining("'u/{n:regex([)}'")
				.withMessageContaining("regex([)");
		}

		@Test
		void parameterWithoutName() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/{}"))
				.withMessageContaining("needs a parameter name");
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/{:int}"))
				.withMessageContaining("needs a parameter name");
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders/{order-id}"))
				.withMessageContaining("'{order-id}' needs a parameter name of letters, digits or '_'");
		}

		@Test
		void emptySegment() {
			assertThatIllegalArgumentException().isThrownBy(() -> RouteTemplate.parse("orders//{id}"))
				.withMessageContaining("empty segment");
		}

	}

}
