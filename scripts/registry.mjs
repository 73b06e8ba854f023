// A made-up registry export for benchmarks and tests: the columns a county federation's registry
// has (id, place, age, sex, disability kind and grade, certificate, hukou, urban/rural, household
// status), the same rows every time (a fixed pseudo-random sequence).
//   node scripts/registry.mjs ROWS csv|jsonl [BAD_EVERY] > file
// BAD_EVERY > 0 puts a bad age in every BAD_EVERY-th row.

const PLACES = [['dalad', '达拉特旗'], ['donghe', '东河区'], ['ejinhoro', '伊金霍洛旗'], ['huining', '会宁县'], ['dawukou', '大武口区']];
const KINDS = [['visual', '视力残疾'], ['hearing', '听力残疾'], ['speech', '言语残疾'], ['physical', '肢体残疾'], ['intellectual', '智力残疾'], ['mental', '精神残疾'], ['multiple', '多重残疾']];
const STATUS = [['none', '都不是'], ['low_income', '低收入家庭'], ['dibao_edge', '低保边缘家庭'], ['dibao', '低保家庭'], ['tekun', '特困人员']];

/** The rows as objects: a pure function of the row number. */
export function* people(rows, badEvery = 0) {
  let seed = 20250601;
  const next = (n) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  for (let i = 1; i <= rows; i++) {
    const place = PLACES[next(PLACES.length)];
    const kinds = [KINDS[next(KINDS.length)]];
    if (next(8) === 0) kinds.push(KINDS[next(KINDS.length)]);
    yield {
      id: `R${String(i).padStart(7, '0')}`,
      place,
      age: badEvery > 0 && i % badEvery === 0 ? '四十' : String(next(90)),
      sex: next(2) ? ['male', '男'] : ['female', '女'],
      disabilities: kinds.map((k) => [k, next(5)]), // grade 0: not assessed
      certificate: next(10) !== 0,
      hukou: next(10) !== 0,
      rural: next(2) === 0,
      status: STATUS[next(STATUS.length)],
    };
  }
}

export const CSV_HEADER = '编号,地区,年龄,性别,残疾类别和等级,持有残疾人证,本地户籍,城镇或农村,家庭困难类别';

/** One CSV line (no line break), as a clerk would fill it in: Chinese labels. */
export function csvRow(p) {
  const d = p.disabilities.map(([k, g]) => (g ? `${k[1]}:${g}` : k[1])).join(';');
  return [p.id, p.place[1], p.age, p.sex[1], d, p.certificate ? '是' : '否', p.hukou ? '是' : '否', p.rural ? '农村' : '城镇', p.status[1]].join(',');
}

/** The same person as household JSON. */
export function jsonRow(p) {
  const age = /^\d+$/.test(p.age) ? Number(p.age) : p.age;
  return JSON.stringify({
    jurisdiction: p.place[0],
    applicant: {
      age, sex: p.sex[0], has_certificate: p.certificate, local_hukou: p.hukou, residence: p.rural ? 'rural' : 'urban',
      disabilities: p.disabilities.map(([k, g]) => (g ? { kind: k[0], grade: g } : { kind: k[0] })),
    },
    household: { status: p.status[0] },
  });
}

/** The whole file as a string. */
export function registry(rows, format = 'csv', badEvery = 0) {
  const out = format === 'csv' ? [CSV_HEADER] : [];
  for (const p of people(rows, badEvery)) out.push(format === 'csv' ? csvRow(p) : jsonRow(p));
  return out.join(format === 'csv' ? '\r\n' : '\n') + (format === 'csv' ? '\r\n' : '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows = '1000', format = 'csv', bad = '0'] = process.argv.slice(2);
  process.stdout.write(registry(Number(rows), format, Number(bad)));
}
