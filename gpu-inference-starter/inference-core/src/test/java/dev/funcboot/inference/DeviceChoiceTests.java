package dev.funcboot.inference;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceChoiceTests {

	@Test
	void parsesEveryForm() {
		assertThat(DeviceChoice.parse("auto")).isEqualTo(DeviceChoice.AUTO);
		assertThat(DeviceChoice.parse(null)).isEqualTo(DeviceChoice.AUTO);
		assertThat(DeviceChoice.parse(" CPU ")).isEqualTo(DeviceChoice.CPU);
		assertThat(DeviceChoice.parse("gpu")).isEqualTo(new DeviceChoice(DeviceChoice.Kind.GPU, 0));
		assertThat(DeviceChoice.parse("gpu:3")).isEqualTo(new DeviceChoice(DeviceChoice.Kind.GPU, 3));
		assertThat(DeviceChoice.parse("gpu:3")).hasToString("gpu:3");
		assertThatThrownBy(() -> DeviceChoice.parse("tpu")).hasMessage("Device 'tpu' is not one of auto, cpu, gpu, gpu:N");
		assertThatThrownBy(() -> DeviceChoice.parse("gpu:-1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void autoTakesTheFirstGpuWhenTheEngineSeesOneElseTheCpu() {
		assertThat(DeviceChoice.AUTO.resolve("PyTorch", 0)).isEqualTo(Device.cpu());
		assertThat(DeviceChoice.AUTO.resolve("PyTorch", 2)).isEqualTo(Device.gpu(0));
		assertThat(DeviceChoice.CPU.resolve("PyTorch", 2)).isEqualTo(Device.cpu());
		assertThat(DeviceChoice.parse("gpu:1").resolve("PyTorch", 2)).isEqualTo(Device.gpu(1));
	}

	@Test
	void aGpuTheEngineDoesNotSeeIsAnErrorNotASilentFallBack() {
		assertThatThrownBy(() -> DeviceChoice.parse("gpu").resolve("PyTorch", 0))
			.hasMessageContaining("Device gpu:0 was asked for, but the PyTorch engine sees 0 GPU(s)")
			.hasMessageContaining("benchmarks/gpu/run.sh");
		assertThatThrownBy(() -> DeviceChoice.parse("gpu:2").resolve("PyTorch", 2))
			.hasMessageContaining("sees 2 GPU(s)");
	}

}
