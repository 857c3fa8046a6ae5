package dev.funcboot.demo.orders;

import dev.funcboot.functions.PoisonMessageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderCsvTests {

	@Test
	void readsLinesSkippingTheHeaderAndBlankLines() {
		assertThat(OrderCsv.parse("product,quantity,customer\r\nespresso, 2 ,ada\n\ncroissant,1\n")).containsExactly(
				new NewOrder("espresso", 2, "ada"), new NewOrder("croissant", 1, null));
	}

	@Test
	void aLineThatIsNoOrderMakesTheFilePoisonNamingTheLine() {
		assertThatExceptionOfType(PoisonMessageException.class).isThrownBy(() -> OrderCsv.parse("espresso,two"))
			.withMessage("line 1: quantity 'two' is not a number");
		assertThatExceptionOfType(PoisonMessageException.class).isThrownBy(() -> OrderCsv.parse("espresso,1\nnonsense"))
			.withMessageContaining("line 2 is not 'product,quantity[,customer]'");
	}

}
