/**
 * A list of (fact index, day) pairs kept in typed arrays that grow as needed
 * and are reused from one child to the next, so folding a history allocates
 * nothing per fact. Its user owns it for the length of one synchronous call.
 */
export class Scratch {
  index = new Int32Array(16);
  day = new Int32Array(16);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(index: number, day: number): void {
    if (this.length === this.index.length) {
      const index2 = new Int32Array(this.length * 2);
      const day2 = new Int32Array(this.length * 2);
      index2.set(this.index);
      day2.set(this.day);
      this.index = index2;
      this.day = day2;
    }
    this.index[this.length] = index;
    this.day[this.length] = day;
    this.length += 1;
  }

  /** Into date order, keeping the given order within a day: an insertion sort, as there are only a few. */
  sort(): void {
    const { index, day } = this;
    for (let k = 1; k < this.length; k++) {
      const i = index[k]!;
      const d = day[k]!;
      let j = k - 1;
      while (j >= 0 && (day[j]! > d || (day[j] === d && index[j]! > i))) {
        index[j + 1] = index[j]!;
        day[j + 1] = day[j]!;
        j -= 1;
      }
      index[j + 1] = i;
      day[j + 1] = d;
    }
  }
}
