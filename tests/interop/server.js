// grpc-js as a server for our client: prints its port, then serves until killed.
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const [protoPath] = process.argv.slice(2);
const proto = grpc.loadPackageDefinition(loader.loadSync(protoPath, { keepCase: true })).creatormeta.interop.v1;

const server = new grpc.Server();
server.addService(proto.Echo.service, {
  Say(call, callback) {
    const { text, fail_with, fail_message, sleep_ms } = call.request;
    const deadline = call.getDeadline(); // a Date or a number of ms since the epoch; Infinity when none was sent
    const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
    const deadlineMs = Number.isFinite(at) ? at - Date.now() : 0;
    setTimeout(() => fail_with
      ? callback({ code: fail_with, details: fail_message })
      : callback(null, { text: `echo: ${text}`, deadline_ms: Math.max(0, Math.round(deadlineMs)) }), sleep_ms || 0);
  },
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) { console.error(error); process.exit(1); }
  console.log(`listening ${port}`);
});
