package io.twilioprovisioning.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BulkWorkTests {

	@Test
	void marksTheThreadOnlyWhileTheWorkRuns() throws Exception {
		assertThat(BulkWork.isBulk()).isFalse();
		assertThat(BulkWork.call(BulkWork::isBulk)).isTrue();
		BulkWork.run(() -> assertThat(BulkWork.isBulk()).isTrue());
		assertThat(BulkWork.isBulk()).isFalse();
	}

	@Test
	void clearsTheMarkWhenTheWorkFails() {
		assertThatIllegalStateException().isThrownBy(() -> BulkWork.run(() -> {
			throw new IllegalStateException("boom");
		}));
		assertThat(BulkWork.isBulk()).isFalse();
	}

	@Test
	void nestedWorkKeepsTheOuterMark() {
		BulkWork.run(() -> {
			BulkWork.run(() -> assertThat(BulkWork.isBulk()).isTrue());
			assertThat(BulkWork.isBulk()).isTrue();
		});
		assertThat(BulkWork.isBulk()).isFalse();
	}

}
