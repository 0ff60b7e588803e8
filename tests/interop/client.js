// grpc-js as a client of our server: prints one JSON line per case.
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const [address, protoPath] = process.argv.slice(2);
const proto = grpc.loadPackageDefinition(loader.loadSync(protoPath, { keepCase: true })).creatormeta.interop.v1;
const client = new proto.Echo(address, grpc.credentials.createInsecure());

function call(method, request, deadlineMs) {
  return new Promise((resolve) => {
    const options = deadlineMs ? { deadline: new Date(Date.now() + deadlineMs) } : {};
    client[method](request, options, (error, reply) =>
      resolve(error ? { code: error.code, details: error.details } : { code: 0, reply }));
  });
}

(async () => {
  const results = {
    ok: await call('Say', { text: 'héllo 🌅' }, 5000),
    failed: await call('Say', { text: 'x', fail_with: 5, fail_message: 'no asset ünïcode 100%' }),
    deadline: await call('Say', { text: 'slow', sleep_ms: 3000 }, 300),
    unimplemented: await call('Unheard', { text: 'anyone?' }),
  };
  console.log(JSON.stringify(results));
  client.close();
})();
