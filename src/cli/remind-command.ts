export async function run(): Promise<number> {
  console.error('Lệnh remind chưa sẵn sàng.');
  return 1;
}
